import { useCallback, useEffect, useMemo, useRef } from 'react';
import { playFeedback } from '../scanner/feedbackSound';
import { pickScannerSettings, useScannerSettings } from '../scanner/scannerSettings';
import type { CapturedScan } from '../scanner/types';
import { useScanCapture } from '../scanner/useScanCapture';
import { getScanQueue } from '../scanner/useScanQueue';

/**
 * Counting on this device: the scan queue of the stocktake, the capture bound to the scan field,
 * the sound of each answer. Nothing here redraws per scan: the parts that show a scan subscribe to
 * the queue themselves (LatestFeedback, DeviceScans, the pending hint, the live progress), and
 * `onAnswered` tells the page that answers came (it re-reads its tables at its own pace).
 */
export function useCounting(stocktakeId: number, enabled: boolean, fieldRef: { current: HTMLInputElement | null }, onAnswered: () => void) {
  const stored = useScannerSettings();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plain values stand for the store's object
  const settings = useMemo(() => pickScannerSettings(stored), [stored.prefix, stored.suffix, stored.terminator, stored.maxGapMs, stored.minLength, stored.sound]);
  // one queue per stocktake for the window's life (scanner/useScanQueue.ts): unanswered scans are
  // resent even after this page is left
  const queue = getScanQueue(stocktakeId);
  const onScan = useCallback((scan: CapturedScan) => void queue.push(scan), [queue]);
  useScanCapture({ enabled, settings, fieldRef, onScan });
  const manual = useCallback(
    (code: string, source: 'keyboard' | 'search') =>
      queue.push({ code, source, endedAt: performance.now(), scannedAt: new Date().toISOString() }),
    [queue],
  );

  // each answer once: its sound, and a word to the page; read from the queue, not from a render
  const latest = useRef({ sound: settings.sound, onAnswered });
  latest.current = { sound: settings.sound, onAnswered };
  useEffect(() => {
    // the answer given before this page opened (the queue outlives it) was heard then
    let heard = queue.latestAnswer()?.clientId;
    return queue.subscribe(() => {
      const newest = queue.latestAnswer();
      if (!newest || newest.clientId === heard) return;
      heard = newest.clientId;
      // the newest answer is heard (several at once in a burst would blur into one noise)
      playFeedback(newest.state === 'failed' ? 'failed' : (newest.ack?.result ?? 'failed'), latest.current.sound);
      latest.current.onAnswered();
    });
  }, [queue]);

  return { queue, manual, settings };
}
