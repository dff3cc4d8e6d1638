import { requireActor } from '../actor';
import { type Handler, poolRead } from '../handler';
import type { Channel } from '../shared/contract';
import { aging, agingTotals } from './aging';
import { allocate, suggestAllocations, undoAllocation } from './allocations';
import { paymentDetail } from './payment.rows';
import { createPayment, listPayments, voidPayment } from './payments';
import { promises } from './promises';
import { statement } from './statement';
import { exportStatementFile } from './statement-export.service';

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
  | 'settlement.agingTotals'
  | 'settlement.promises';

/**
 * Payments and what follows from them. The reads that grow (the payments' list at 1M, a
 * customer's statement over years, aging over every customer, the promises) are pool reads;
 * a payment's detail and the suggested split (one customer's open vouchers) stay on the main thread.
 */
export const paymentHandlers: { [C in PaymentChannel & Channel]: Handler<C> } = {
  'settlement.payments': poolRead(({ core }, input) => listPayments(core, input)),
  'settlement.payment': ({ core }, input) => paymentDetail(core.sqlite, input.id),
  'settlement.allocationSuggest': ({ core }, input) => suggestAllocations(core, input),
  'settlement.paymentCreate': ({ core, actor }, input) => createPayment(core, requireActor(actor), input),
  'settlement.allocate': ({ core, actor }, input) => allocate(core, requireActor(actor), input),
  'settlement.allocationUndo': ({ core, actor }, input) => undoAllocation(core, requireActor(actor), input),
  'settlement.paymentVoid': ({ core, actor }, input) => voidPayment(core, requireActor(actor), input),
  'settlement.statement': poolRead(({ core }, input) => statement(core.sqlite, input)),
  'settlement.statementExport': ({ core, actor }, input) => exportStatementFile(core, requireActor(actor), input),
  'settlement.aging': poolRead(({ core }, input) => aging(core, input)),
  'settlement.agingTotals': poolRead(({ core }, input) => agingTotals(core, input)),
  'settlement.promises': poolRead(({ core }, input) => promises(core, input)),
};
