import type { Changes } from './audit.log';

/**
 * The compact log entry of a customer an import created. An import writes ONE batch entry
 * (entity `customerImport`: who, when, the file's name and content hash, the mapping, the counts,
 * and `fields`, the order of the values below) and per customer a small entry that points to it:
 *
 *   {"importBatch": <batch entry id>, "row": <row number in the file>, "values": [v0, v1, …]}
 *
 * `values` are the created record's logged values in the batch's `fields` order (trailing nulls
 * left off), so the record's history stays complete without repeating every field name and
 * `{before, after}` wrapper a hundred thousand times. Read back, `expandImportEntry` turns it into
 * the shape every other 'create' entry has ({ field: { before: null, after } }, nulls left out),
 * plus `importedFrom` (the file's name) and `importRow`.
 */
export interface CompactImportEntry {
  importBatch: number;
  row: number;
  values: unknown[];
}

/** What the expansion needs of the batch entry (its `changes`, parsed). */
type BatchChanges = Changes;

export function compactImportEntry(batchId: number, row: number, fields: readonly string[], view: Record<string, unknown>): string {
  const values = fields.map((f) => view[f] ?? null);
  while (values.length && values[values.length - 1] === null) values.pop();
  return JSON.stringify({ importBatch: batchId, row, values } satisfies CompactImportEntry);
}

export function isCompactImportEntry(c: unknown): c is CompactImportEntry {
  const x = c as Partial<CompactImportEntry> | null;
  return !!x && typeof x.importBatch === 'number' && typeof x.row === 'number' && Array.isArray(x.values);
}

/** The compact entry as a full 'create' entry, given its batch entry's changes (null: the batch row is missing). */
export function expandImportEntry(c: CompactImportEntry, batch: BatchChanges | null): Changes {
  const fields = batch?.fields?.after;
  const out: Changes = {};
  if (Array.isArray(fields)) {
    c.values.forEach((v, i) => {
      const f = fields[i];
      if (typeof f === 'string' && v !== null && v !== undefined) out[f] = { before: null, after: v };
    });
  }
  const fileName = batch?.fileName?.after;
  if (typeof fileName === 'string') out.importedFrom = { before: null, after: fileName };
  out.importRow = { before: null, after: c.row };
  return out;
}
