import { requireActor } from '../actor';
import { type Handler, poolRead } from '../handler';
import type { Channel } from '../shared/contract';
import { adjustStocktake } from './adjust';
import { decideCorrection, listCorrections } from './corrections';
import { exportStocktakeReport } from './export.service';
import { reportRows, reportSummary } from './report';
import type { stocktakeContract } from './shared/stocktake.contract';

type ReconcileChannel =
  | 'stocktake.report'
  | 'stocktake.reportRows'
  | 'stocktake.corrections'
  | 'stocktake.decideCorrection'
  | 'stocktake.adjust'
  | 'stocktake.export';

/** Reconciliation: the report (read in the pool: set-based over up to 200,000 lines), corrections decided, bulk adjustments, the export. */
export const reconcileHandlers: { [C in ReconcileChannel & keyof typeof stocktakeContract & Channel]: Handler<C> } = {
  'stocktake.report': poolRead(({ core }, input) => reportSummary(core.sqlite, input.id)),
  'stocktake.reportRows': poolRead(({ core }, input) =>
    reportRows(core.sqlite, input.id, {
      section: input.section,
      q: input.q,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    }),
  ),
  'stocktake.corrections': poolRead(({ core }, input) => listCorrections(core.sqlite, input)),
  'stocktake.decideCorrection': ({ core, actor }, input) => decideCorrection(core, requireActor(actor), input),
  'stocktake.adjust': ({ core, actor }, input) => adjustStocktake(core, requireActor(actor), input),
  'stocktake.export': ({ core, actor }, input) => exportStocktakeReport(core, requireActor(actor), input),
};
