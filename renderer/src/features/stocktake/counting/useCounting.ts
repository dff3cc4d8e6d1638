import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CapturedScan, QueuedScan } from '../scanner/types';
import { scanFeedback } from './feedback';
import { createScanQueue, playScanSound, readScannerSettings, useScanCapture } from './scanning';

const NO_SCANS: readonly QueuedScan[] = [];

/**
 * Counting on this device: the scan queue of the stocktake, the capture bound to the scan field,
 * the sound of each answer. `acked` counts the answers seen (the page reloads its tables from it,
 * at its own pace). Scans are read outside React state; only the queue's list is rendered.
 */
export function useCounting(stocktakeId: number, enabled: boolean, fieldRef: { current: HTMLInputElement | null }) {
  const settings = useMemo(() => readScannerSettings(), []);
  const [queue] = useState(() => createScanQueue(stocktakeId));
  useEffect(() => () => queue.dispose(), [queue]);
  const items = useSyncExternalStore(
    queue.subscribe,
    () => queue.items(),
    () => NO_SCANS,
  );
  const onScan = useCallback((scan: CapturedScan) => void queue.push(scan), [queue]);
  useScanCapture({ enabled, settings, fieldRef, onScan });
  const manual = useCallback(
    (code: string, source: 'keyboard' | 'search') =>
      queue.push({ code, source, endedAt: performance.now(), scannedAt: new Date().toISOString() }),
    [queue],
  );

  // each answer once: its sound, and the count the page's tables follow
  const heard = useRef(new Set<string>());
  const [acked, setAcked] = useState(0);
  useEffect(() => {
    let fresh = 0;
    for (const s of items) {
      if ((s.state !== 'acked' && s.state !== 'failed') || heard.current.has(s.clientId)) continue;
      heard.current.add(s.clientId);
      fresh++;
      if (fresh === 1) playScanSound(scanFeedback(s).tone, settings);
    }
    if (fresh) setAcked((n) => n + fresh);
  }, [items, settings]);

  const pending = items.filter((s) => s.state === 'pending' || s.state === 'sending').length;
  return { items, pending, acked, manual, settings };
}

/**
 * Marks, once per scan, the moment its answer is on screen: after React committed it, in the next
 * frame (`stocktake:feedback`, detail { clientId, endedAt }): the scanning bench reads Enter →
 * feedback from these marks.
 */
export function useFeedbackMarks(items: readonly QueuedScan[]): void {
  const marked = useRef(new Set<string>());
  useEffect(() => {
    const fresh = items.filter((s) => s.state === 'acked' && !marked.current.has(s.clientId));
    if (!fresh.length) return;
    for (const s of fresh) marked.current.add(s.clientId);
    requestAnimationFrame(() => {
      for (const s of fresh) performance.mark('stocktake:feedback', { detail: { clientId: s.clientId, endedAt: s.endedAt } });
    });
  }, [items]);
}

/** A value that follows `value` at most once per `ms` (tables reload at a calm pace during a burst). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
