import { defineFeature } from '../feature';
import { countingHandlers } from './counting.handlers';
import { openStocktakes } from './open-items';
import { reconcileHandlers } from './reconcile.handlers';
import { stocktakeMissingRule } from './review-rule';
import { stocktakeContract } from './shared/stocktake.contract';
import { stocktakeJobs } from './stocktake.jobs';

/**
 * 客户盘点. Its lines, expected set and corrections point to customers: a merge moves them to the
 * survivor (no unique key on the customer, so a survivor already counted gets a second line; the
 * reconciliation lists it among the duplicates).
 */
export const stocktakeFeature = defineFeature({
  name: 'stocktake',
  contract: stocktakeContract,
  handlers: { ...countingHandlers, ...reconcileHandlers },
  /** an open stocktake (draft with the customer ticked, counting or reconciling with it expected or counted) */
  openItems: [openStocktakes],
  customerReferences: [
    { table: 'stocktake_expected', column: 'customer_id' },
    { table: 'stocktake_lines', column: 'customer_id' },
    { table: 'stocktake_corrections', column: 'customer_id' },
  ],
  reviewRules: { stocktakeMissing: stocktakeMissingRule },
  jobs: stocktakeJobs,
});
