import { defineFeature } from '../feature';
import { settlementMergeHook } from './merge';
import { openSettlements } from './open-items';
import { paymentHandlers } from './payments.handlers';
import { overCreditLimitRule, overdueReceivablesRule } from './review-rules';
import { settlementJobs } from './settlement.jobs';
import { settlementContract } from './shared/settlement.contract';
import { voucherHandlers } from './vouchers.handlers';

/**
 * 无票结算. Vouchers and payments point to customers: a merge moves them to the survivor, and the
 * ledger (append-only) gets a transfer pair instead of edits (mergeHooks).
 */
export const settlementFeature = defineFeature({
  name: 'settlement',
  contract: settlementContract,
  handlers: { ...voucherHandlers, ...paymentHandlers },
  customerReferences: [
    { table: 'settlement_vouchers', column: 'customer_id' },
    { table: 'settlement_payments', column: 'customer_id' },
  ],
  jobs: settlementJobs,
  /** the duplicate's balance moves to the survivor as a transfer pair (merge.ts) */
  mergeHooks: [settlementMergeHook],
  /** unfinished vouchers and a balance other than 0 (open-items.ts) */
  openItems: [openSettlements],
  reviewRules: { overdueReceivables: overdueReceivablesRule, overCreditLimit: overCreditLimitRule },
});
