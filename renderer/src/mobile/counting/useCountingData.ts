import Dexie from 'dexie';
import { useCallback, useEffect, useRef, useState } from 'react';
import { scanCodeSchema } from '../../../../electron/core/stocktake/shared/stocktake.contract';
import { buildIndex, type CountingIndex, classifyOffline, localProgress, noteScan } from '../offline/classify';
import { mobileDb } from '../offline/db';
import { type DownloadInfo, downloadInfo } from '../offline/download';
import { newClientId, newDeviceLabel } from '../offline/ids';
import type { ExpectedRow, LocalScan, ScanSource } from '../offline/types';
import { bump, useMobile } from '../state';
import { requestSync } from '../syncService';

const RECENT = 30;

/** this phone's label, made once */
function deviceLabel(): string {
  let label = localStorage.getItem('kehu-m-device');
  if (!label) {
    label = newDeviceLabel();
    localStorage.setItem('kehu-m-device', label);
  }
  return label;
}

export type RecordResult = { ok: true; scan: LocalScan } | { ok: false; reason: 'invalid' | 'storage' };

/**
 * The counting screen's data: the downloaded set (indexed in memory), this stocktake's recent
 * scans and waiting counts from Dexie, and `record`, which stores a scan BEFORE anything is shown.
 */
export function useCountingData(stocktakeId: number) {
  const user = useMobile((s) => s.user)!;
  const revision = useMobile((s) => s.revision);
  const index = useRef<CountingIndex | null>(null);
  const [rows, setRows] = useState<ExpectedRow[]>([]);
  const [info, setInfo] = useState<DownloadInfo | null>(null);
  const [progress, setProgress] = useState({ counted: 0, expected: 0 });
  const [recent, setRecent] = useState<LocalScan[]>([]);
  // null until read from the phone's database: the screen must not claim 未同步 0 meanwhile
  const [waiting, setWaiting] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);

  const loadSet = useCallback(async () => {
    const db = mobileDb();
    const [expected, others, codes, di] = await Promise.all([
      db.expected.where('stocktakeId').equals(stocktakeId).toArray(),
      db.others.where('stocktakeId').equals(stocktakeId).toArray(),
      db.scans.where('[stocktakeId+code]').between([stocktakeId, Dexie.minKey], [stocktakeId, Dexie.maxKey]).keys(),
      downloadInfo(db, stocktakeId),
    ]);
    index.current = buildIndex(
      expected,
      others,
      codes.map((k) => (k as unknown as [number, string])[1]),
    );
    setRows(expected);
    setInfo(di);
    setProgress(localProgress(index.current));
    setLoaded(true);
  }, [stocktakeId]);

  useEffect(() => {
    void loadSet();
  }, [loadSet]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` is the signal to read the stored scans again
  useEffect(() => {
    const db = mobileDb();
    void (async () => {
      const list = await db.scans
        .where('[stocktakeId+seq]')
        .between([stocktakeId, Dexie.minKey], [stocktakeId, Dexie.maxKey])
        .reverse()
        .limit(RECENT)
        .toArray();
      // not synced yet: waiting (1) and refused, parked until 同步 (2)
      const counts = await Promise.all(
        [1, 2].map((pending) =>
          db.scans
            .where('[pending+userId+stocktakeId+seq]')
            .between([pending, user.id, stocktakeId, Dexie.minKey], [pending, user.id, stocktakeId, Dexie.maxKey])
            .count(),
        ),
      );
      const count = counts[0] + counts[1];
      setRecent(list);
      setWaiting(count);
    })();
  }, [stocktakeId, user.id, revision]);

  const record = useCallback(
    async (raw: string, source: ScanSource): Promise<RecordResult> => {
      const parsed = scanCodeSchema.safeParse(raw);
      const idx = index.current;
      if (!parsed.success || !idx) return { ok: false, reason: 'invalid' };
      const code = parsed.data;
      const verdict = classifyOffline(idx, code);
      const scan: LocalScan = {
        clientId: newClientId(),
        stocktakeId,
        code,
        source,
        scannedAt: new Date().toISOString(),
        userId: user.id,
        userName: user.displayName,
        deviceLabel: deviceLabel(),
        state: 'waiting',
        pending: 1,
        verdict,
      };
      try {
        // stored before the clerk is told anything
        scan.seq = await mobileDb().scans.add(scan);
      } catch {
        return { ok: false, reason: 'storage' };
      }
      // counted from now: the next scan of the same code (a burst right after) is a duplicate
      noteScan(idx, code);
      setProgress(localProgress(idx));
      bump();
      void requestSync();
      return { ok: true, scan };
    },
    [stocktakeId, user.id, user.displayName],
  );

  return { loaded, rows, info, progress, recent, waiting, record, reload: loadSet };
}
