import type { Core } from '../core';

/**
 * Columns of other features' tables that point to a customer (settlements, stocktake lines…).
 * When a duplicate is merged, each one moves to the surviving customer in the merge's
 * transaction. A customer's own parts (contacts, addresses, state history) stay with it.
 * Features contribute them (Feature.customerReferences); each core holds its own list.
 */
export interface CustomerReference {
  table: string;
  column: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Names go into SQL as identifiers: only plain lower-case names are accepted (checked when a core is built). */
export function assertReference(ref: CustomerReference): void {
  if (!IDENT.test(ref.table) || !IDENT.test(ref.column)) throw new Error(`bad reference ${ref.table}.${ref.column}`);
}

/** Moves every reference of the core's features from one customer to another; returns the rows moved per table.column. */
export function moveReferences(core: Core, fromId: number, toId: number): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const r of core.assembly.customerReferences) {
    const res = core.sqlite
      .prepare(`UPDATE "${r.table}" SET "${r.column}" = ? WHERE "${r.column}" = ?`)
      .run(toId, fromId);
    moved[`${r.table}.${r.column}`] = res.changes;
  }
  return moved;
}

/**
 * What a feature does when a duplicate is merged into a survivor, beyond moving its columns: an
 * append-only ledger cannot move its rows, so it posts transfer rows instead. Runs in the merge's
 * transaction after the references moved; returns counts for the log ("settlement.transfer": 1).
 */
export type MergeHook = (core: Core, merge: { fromId: number; toId: number; at: Date; actor: { id: number; displayName: string } }) => Record<string, number>;

/** Runs every feature's merge hook; their counts join the moved references in the log. */
export function runMergeHooks(core: Core, merge: Parameters<MergeHook>[1]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const hook of core.assembly.mergeHooks) Object.assign(out, hook(core, merge));
  return out;
}
