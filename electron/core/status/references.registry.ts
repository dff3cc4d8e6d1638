import type { Core } from '../core';

/**
 * Columns of other features' tables that point to a customer (settlements, stocktake lines…).
 * When a duplicate is merged, each one moves to the surviving customer in the merge's
 * transaction. A customer's own parts (contacts, addresses, state history) stay with it.
 */
export interface CustomerReference {
  table: string;
  column: string;
}

const references: CustomerReference[] = [];
const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Adds a referencing column (at module load of the feature that owns the table). Returns its removal. */
export function registerCustomerReference(ref: CustomerReference): () => void {
  if (!IDENT.test(ref.table) || !IDENT.test(ref.column)) throw new Error(`bad reference ${ref.table}.${ref.column}`);
  references.push(ref);
  return () => {
    const i = references.indexOf(ref);
    if (i >= 0) references.splice(i, 1);
  };
}

/** Moves every registered reference from one customer to another; returns the rows moved per table.column. */
export function moveReferences(core: Core, fromId: number, toId: number): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const r of references) {
    const res = core.sqlite
      .prepare(`UPDATE "${r.table}" SET "${r.column}" = ? WHERE "${r.column}" = ?`)
      .run(toId, fromId);
    moved[`${r.table}.${r.column}`] = res.changes;
  }
  return moved;
}
