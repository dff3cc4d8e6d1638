import { call } from '../api';
import type { MobileDb } from './db';
import type { ExpectedRow } from './types';

export interface DownloadInfo {
  at: string;
  no: string;
  name: string;
  status: string;
  expectedCount: number;
}

export type DownloadResult =
  | { ok: true; info: DownloadInfo }
  | { ok: false; error: { code: string; messageKey: string } };

/**
 * Downloads a stocktake's expected set (stocktake.expected, every page) and replaces what the
 * phone kept of it, in one transaction at the end: a download cut off halfway leaves the older
 * set in place. `onProgress(rows, expectedCount)` after each page.
 */
export async function downloadExpected(
  db: MobileDb,
  stocktakeId: number,
  onProgress: (rows: number, total: number) => void,
): Promise<DownloadResult> {
  const rows: ExpectedRow[] = [];
  let others: { code: string; scans: number }[] = [];
  let after: number | undefined;
  let info: Omit<DownloadInfo, 'at'> | null = null;
  for (;;) {
    const r = await call('stocktake.expected', after === undefined ? { stocktakeId } : { stocktakeId, after });
    if (!r.ok) return { ok: false, error: r.error };
    const { stocktake, items, next } = r.data;
    if (after === undefined) others = r.data.others;
    info = { no: stocktake.no, name: stocktake.name, status: stocktake.status, expectedCount: stocktake.expectedCount };
    rows.push(...items);
    onProgress(rows.length, stocktake.expectedCount);
    if (next === null) break;
    after = next;
  }
  const full: DownloadInfo = { ...(info as Omit<DownloadInfo, 'at'>), at: new Date().toISOString() };
  await db.transaction('rw', db.expected, db.others, db.meta, async () => {
    await db.expected.where('stocktakeId').equals(stocktakeId).delete();
    await db.others.where('stocktakeId').equals(stocktakeId).delete();
    await db.expected.bulkAdd(rows.map((r) => ({ ...r, stocktakeId })));
    await db.others.bulkPut(others.map((o) => ({ stocktakeId, code: o.code, scans: o.scans })));
    await db.meta.put({ key: `download:${stocktakeId}`, value: full });
  });
  return { ok: true, info: full };
}

export async function downloadInfo(db: MobileDb, stocktakeId: number): Promise<DownloadInfo | null> {
  return ((await db.meta.get(`download:${stocktakeId}`))?.value as DownloadInfo | undefined) ?? null;
}
