import { requireActor } from '../actor';
import { type Handler, poolRead } from '../handler';
import type { Channel } from '../shared/contract';
import { expectedSet } from './expected-set';
import { listLines, updateLine } from './lines';
import { proposeCorrection } from './proposals';
import { recentScans, recordScan } from './scan';
import type { stocktakeContract } from './shared/stocktake.contract';
import {
  createStocktake,
  getStocktake,
  listStocktakes,
  previewScope,
  stepStocktake,
  updateStocktake,
} from './stocktakes';
import { syncScans } from './sync';
import { undoScan } from './undo';

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
  | 'stocktake.syncScans'
  | 'stocktake.expected'
  | 'stocktake.undo'
  | 'stocktake.recent'
  | 'stocktake.lines'
  | 'stocktake.updateLine'
  | 'stocktake.proposeCorrection';

/**
 * Stocktakes and counting (the stocktake's life, scans, lines). The reads that grow with the
 * stocktake (the full progress, the lines' pages, a scope's count at 1M) are pool reads; the list
 * and the newest scans stay on the main thread (the list's counted figures are the writer's counters).
 * A phone's expected set (5,000 rows a page) is a pool read; its sync writes like stocktake.scan.
 */
export const countingHandlers: { [C in CountingChannel & keyof typeof stocktakeContract & Channel]: Handler<C> } = {
  'stocktake.list': ({ core }, input) => listStocktakes(core, input),
  'stocktake.get': poolRead(({ core }, input) => getStocktake(core, input.id)),
  'stocktake.previewScope': poolRead(({ core }, input) => previewScope(core, input.scope)),
  'stocktake.create': ({ core, actor }, input) => createStocktake(core, requireActor(actor), input),
  'stocktake.update': ({ core, actor }, input) => updateStocktake(core, requireActor(actor), input),
  'stocktake.start': ({ core, actor }, input) => stepStocktake(core, requireActor(actor), 'start', input.id),
  'stocktake.reconcile': ({ core, actor }, input) => stepStocktake(core, requireActor(actor), 'reconcile', input.id),
  'stocktake.resume': ({ core, actor }, input) => stepStocktake(core, requireActor(actor), 'resume', input.id),
  'stocktake.complete': ({ core, actor }, input) => stepStocktake(core, requireActor(actor), 'complete', input.id),
  'stocktake.cancel': ({ core, actor }, input) =>
    stepStocktake(core, requireActor(actor), 'cancel', input.id, input.reason),
  'stocktake.scan': ({ core, actor }, input) => recordScan(core, requireActor(actor), input),
  'stocktake.syncScans': ({ core, actor }, input) => syncScans(core, requireActor(actor), input),
  'stocktake.expected': poolRead(({ core }, input) => expectedSet(core, input)),
  'stocktake.undo': ({ core, actor }, input) => undoScan(core, requireActor(actor), input),
  'stocktake.recent': ({ core, actor }, input) => recentScans(core, requireActor(actor), input),
  'stocktake.lines': poolRead(({ core }, input) => listLines(core, input)),
  'stocktake.updateLine': ({ core, actor }, input) => updateLine(core, requireActor(actor), input),
  'stocktake.proposeCorrection': ({ core, actor }, input) => proposeCorrection(core, requireActor(actor), input),
};
