import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { playFeedback } from '../scanner/feedbackSound';
import { pickScannerSettings, useScannerSettings } from '../scanner/scannerSettings';
import type { CapturedScan, QueuedScan } from '../scanner/types';
import { useScanCapture } from '../scanner/useScanCapture';
import { useScanQueue } from '../scanner/useScanQueue';

/**
 * Counting on this device: the scan queue of the stocktake, the capture bound to the scan field,
 * the sound of each answer. `acked` counts the answers seen (the page reloads its tables from it,
 * at its own pace). Scans are read outside React state; only the queue's list is rendered.
 */
export function useCounting(stocktakeId: number, enabled: boolean, fieldRef: { current: HTMLInputElement | null }) {
  const stored = useScannerSettings();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the plain values stand for the store's object
  const settings = useMemo(() => pickScannerSettings(stored), [stored.prefix, stored.suffix, stored.terminator, stored.maxGapMs, stored.minLength, stored.sound]);
  // one queue per stocktake for the window's life (scanner/useScanQueue.ts): unanswered scans are
  // resent even after this page is left
  const { queue, items, pending } = useScanQueue(stocktakeId);
  const onScan = useCallback((scan: CapturedScan) => void queue?.push(scan), [queue]);
  useScanCapture({ enabled, settings, fieldRef, onScan });
  const manual = useCallback(
    (code: string, source: 'keyboard' | 'search') =>
      queue?.push({ code, source, endedAt: performance.now(), scannedAt: new Date().toISOString() }),
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
      // the newest answer is heard (several at once in a burst would blur into one noise)
      if (fresh === 1) playFeedback(s.state === 'failed' ? 'failed' : (s.ack?.result ?? 'failed'), settings.sound);
    }
    if (fresh) setAcked((n) => n + fresh);
  }, [items, settings]);

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
