import type { Handler } from '../handler';
import type { Channel } from '../shared/contract';

/** Channels of payments, allocations, statements, aging and promises (helper: payments). */
export type PaymentChannel =
  | 'settlement.payments'
  | 'settlement.payment'
  | 'settlement.allocationSuggest'
  | 'settlement.paymentCreate'
  | 'settlement.allocate'
  | 'settlement.allocationUndo'
  | 'settlement.paymentVoid'
  | 'settlement.statement'
  | 'settlement.statementExport'
  | 'settlement.aging'
  | 'settlement.promises';

const notBuilt = () => {
  throw new Error('not built yet');
};

export const paymentHandlers: { [C in PaymentChannel & Channel]: Handler<C> } = {
  'settlement.payments': notBuilt,
  'settlement.payment': notBuilt,
  'settlement.allocationSuggest': notBuilt,
  'settlement.paymentCreate': notBuilt,
  'settlement.allocate': notBuilt,
  'settlement.allocationUndo': notBuilt,
  'settlement.paymentVoid': notBuilt,
  'settlement.statement': notBuilt,
  'settlement.statementExport': notBuilt,
  'settlement.aging': notBuilt,
  'settlement.promises': notBuilt,
};
