import type { ExpectedRow, LocalVerdict } from './types';

/** The downloaded set of one stocktake, indexed for counting offline. */
export interface CountingIndex {
  byCode: Map<string, ExpectedRow>;
  /** codes counted outside the set on the server (at download) → live scans */
  others: Map<string, number>;
  /** codes scanned on this phone in this stocktake → how often (any state) */
  local: Map<string, number>;
}

export function buildIndex(
  rows: ExpectedRow[],
  others: { code: string; scans: number }[],
  localCodes: string[],
): CountingIndex {
  const local = new Map<string, number>();
  for (const c of localCodes) local.set(c, (local.get(c) ?? 0) + 1);
  return {
    byCode: new Map(rows.map((r) => [r.code.toUpperCase(), r])),
    others: new Map(others.map((o) => [o.code.toUpperCase(), o.scans])),
    local,
  };
}

/**
 * What a scan of `code` is, offline, from the downloaded set and this phone's own scans (before
 * this one is added): the same rules as the server's, except that a code outside the list cannot
 * be told unknown from out of scope until the sync.
 */
export function classifyOffline(index: CountingIndex, code: string): LocalVerdict {
  const key = code.toUpperCase();
  const row = index.byCode.get(key);
  const here = (index.local.get(key) ?? 0) > 0;
  if (row) {
    const already = here ? 'here' : row.scans > 0 ? 'server' : null;
    const kind = row.status === 'frozen' || row.status === 'deactivated' ? row.status : already ? 'duplicate' : 'found';
    return { kind, already, notInList: false, customerName: row.name };
  }
  const already = here ? 'here' : (index.others.get(key) ?? 0) > 0 ? 'server' : null;
  return { kind: already ? 'duplicate' : 'notInList', already, notInList: true, customerName: null };
}

/** Adds a scan to the index (after it was stored). */
export function noteScan(index: CountingIndex, code: string): void {
  const key = code.toUpperCase();
  index.local.set(key, (index.local.get(key) ?? 0) + 1);
}

/** Counted / expected from local data: expected customers counted on the server (at download) or here. */
export function localProgress(index: CountingIndex): { counted: number; expected: number } {
  let counted = 0;
  for (const [code, row] of index.byCode) if (row.scans > 0 || (index.local.get(code) ?? 0) > 0) counted++;
  return { counted, expected: index.byCode.size };
}
