import { localDate } from '../clock';
import type { MergeHook } from '../status/customer-references';
import { balanceCents, post } from './ledger';

/**
 * A merge and the receivables ledger: the duplicate's vouchers and payments move to the survivor
 * (customerReferences), but its ledger rows are history and stay (append-only). What it owed (or
 * had paid in advance) moves as a transfer pair on the merge's local date: transferOut −B on the
 * duplicate (its balance becomes 0) and transferIn +B on the survivor, each naming the other.
 * A duplicate with a zero balance posts nothing.
 */
export const settlementMergeHook: MergeHook = (core, { fromId, toId, at, actor }): Record<string, number> => {
  const b = balanceCents(core.sqlite, fromId);
  if (b === 0) return {};
  const stamp = at.toISOString();
  const key = `merge:${fromId}:${toId}:${stamp}`;
  const common = { date: localDate(at), at: stamp, by: actor.id };
  post(core.sqlite, {
    ...common,
    entryKey: `${key}:out`,
    customerId: fromId,
    kind: 'transferOut',
    amountCents: -b,
    otherCustomerId: toId,
  });
  post(core.sqlite, {
    ...common,
    entryKey: `${key}:in`,
    customerId: toId,
    kind: 'transferIn',
    amountCents: b,
    otherCustomerId: fromId,
  });
  return { 'settlement_ledger.transfer': 1 };
};
