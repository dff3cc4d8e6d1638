import type { Core } from '../core';
import type { OpenItem } from './shared/status.contract';

/**
 * What is still open for customers (open balance, open settlements, open stocktakes…).
 * Each later feature registers one check; the state-change dialog shows their sum and a
 * deactivation with open items needs an explicit acknowledgement.
 */
export type OpenItemsCheck = (core: Core, customerIds: number[]) => Map<number, OpenItem[]>;

const checks: OpenItemsCheck[] = [];

/** Adds a check (at module load of the feature that owns the documents). Returns its removal. */
export function registerOpenItemsCheck(check: OpenItemsCheck): () => void {
  checks.push(check);
  return () => {
    const i = checks.indexOf(check);
    if (i >= 0) checks.splice(i, 1);
  };
}

/** The open items of each customer, from every registered check (customers without any are absent). */
export function openItemsOf(core: Core, customerIds: number[]): Map<number, OpenItem[]> {
  const out = new Map<number, OpenItem[]>();
  for (const check of checks) {
    for (const [id, items] of check(core, customerIds)) {
      const open = items.filter((i) => i.count > 0);
      if (open.length) out.set(id, [...(out.get(id) ?? []), ...open]);
    }
  }
  return out;
}
