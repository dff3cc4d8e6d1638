import type { Core } from '../core';
import type { OpenItem } from './shared/status.contract';

/**
 * What is still open for customers (open balance, open settlements, open stocktakes…).
 * Each later feature contributes one check (Feature.openItems); the state-change dialog shows
 * their sum and a deactivation with open items needs an explicit acknowledgement.
 */
export type OpenItemsCheck = (core: Core, customerIds: number[]) => Map<number, OpenItem[]>;

/** The open items of each customer, from every check of the core's features (customers without any are absent). */
export function openItemsOf(core: Core, customerIds: number[]): Map<number, OpenItem[]> {
  const out = new Map<number, OpenItem[]>();
  for (const check of core.assembly.openItems) {
    for (const [id, items] of check(core, customerIds)) {
      const open = items.filter((i) => i.count > 0);
      if (open.length) out.set(id, [...(out.get(id) ?? []), ...open]);
    }
  }
  return out;
}
