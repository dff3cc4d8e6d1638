import type { Handler } from '../handler';
import type { Channel } from '../shared/contract';
import type { stocktakeContract } from './shared/stocktake.contract';

type CountingChannel =
  | 'stocktake.list'
  | 'stocktake.get'
  | 'stocktake.previewScope'
  | 'stocktake.create'
  | 'stocktake.update'
  | 'stocktake.start'
  | 'stocktake.reconcile'
  | 'stocktake.resume'
  | 'stocktake.complete'
  | 'stocktake.cancel'
  | 'stocktake.scan'
  | 'stocktake.undo'
  | 'stocktake.recent'
  | 'stocktake.lines'
  | 'stocktake.updateLine'
  | 'stocktake.proposeCorrection';

const todo = (): never => {
  throw new Error('not built yet');
};

/** Stocktakes and counting (the stocktake's life, scans, lines). */
export const countingHandlers: { [C in CountingChannel & keyof typeof stocktakeContract & Channel]: Handler<C> } = {
  'stocktake.list': todo,
  'stocktake.get': todo,
  'stocktake.previewScope': todo,
  'stocktake.create': todo,
  'stocktake.update': todo,
  'stocktake.start': todo,
  'stocktake.reconcile': todo,
  'stocktake.resume': todo,
  'stocktake.complete': todo,
  'stocktake.cancel': todo,
  'stocktake.scan': todo,
  'stocktake.undo': todo,
  'stocktake.recent': todo,
  'stocktake.lines': todo,
  'stocktake.updateLine': todo,
  'stocktake.proposeCorrection': todo,
};
