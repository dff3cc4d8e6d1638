import type { ExpectedRow } from './types';

/** NFKC, no spaces, upper case: how codes, mnemonics (拼音首字母) and typed queries are compared. */
const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/**
 * Searches the downloaded set offline: the code, the name, the short name or the mnemonic (the
 * customer's 助记码, by default its pinyin initials) containing the query. Exact code first, then
 * codes and mnemonics that start with it, then the rest; at most `limit`.
 */
export function searchExpected(rows: readonly ExpectedRow[], query: string, limit = 30): ExpectedRow[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { row: ExpectedRow; rank: number }[] = [];
  for (const row of rows) {
    const code = fold(row.code);
    const mnemonic = fold(row.mnemonic);
    let rank = -1;
    if (code === q) rank = 0;
    else if (code.startsWith(q) || mnemonic.startsWith(q)) rank = 1;
    else if (code.includes(q) || mnemonic.includes(q) || fold(row.name).includes(q) || fold(row.shortName).includes(q))
      rank = 2;
    if (rank >= 0) scored.push({ row, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.row.code.localeCompare(b.row.code));
  return scored.slice(0, limit).map((s) => s.row);
}

/** The row Enter means: the one whose code is the text typed, else the only match; none otherwise. */
export function exactOrOnly<R extends { code: string }>(found: R[], q: string): R | null {
  const text = q.normalize('NFKC').trim().toUpperCase();
  if (!text) return null;
  return found.find((r) => r.code.toUpperCase() === text) ?? (found.length === 1 ? found[0] : null);
}
