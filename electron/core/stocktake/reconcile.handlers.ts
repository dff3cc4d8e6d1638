import type { Handler } from '../handler';
import type { Channel } from '../shared/contract';
import type { stocktakeContract } from './shared/stocktake.contract';

type ReconcileChannel =
  | 'stocktake.report'
  | 'stocktake.reportRows'
  | 'stocktake.corrections'
  | 'stocktake.decideCorrection'
  | 'stocktake.adjust'
  | 'stocktake.export';

const todo = (): never => {
  throw new Error('not built yet');
};

/** Reconciliation: the report, corrections decided, bulk adjustments, the export. */
export const reconcileHandlers: { [C in ReconcileChannel & keyof typeof stocktakeContract & Channel]: Handler<C> } = {
  'stocktake.report': todo,
  'stocktake.reportRows': todo,
  'stocktake.corrections': todo,
  'stocktake.decideCorrection': todo,
  'stocktake.adjust': todo,
  'stocktake.export': todo,
};
