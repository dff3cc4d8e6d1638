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
  // answers given before this page opened (the queue outlives it) were heard then
  const heard = useRef<Set<string> | null>(null);
  heard.current ??= new Set(items.filter((s) => s.state === 'acked' || s.state === 'failed').map((s) => s.clientId));
  const [acked, setAcked] = useState(0);
  useEffect(() => {
    const done = heard.current;
    if (!done) return;
    let fresh = 0;
    for (const s of items) {
      if ((s.state !== 'acked' && s.state !== 'failed') || done.has(s.clientId)) continue;
      done.add(s.clientId);
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
  // scans answered before this page opened (the queue outlives it) were shown then
  const marked = useRef<Set<string> | null>(null);
  marked.current ??= new Set(items.filter((s) => s.state === 'acked').map((s) => s.clientId));
  useEffect(() => {
    if (!marked.current) return;
    const seen = marked.current;
    const fresh = items.filter((s) => s.state === 'acked' && !seen.has(s.clientId));
    if (!fresh.length) return;
    for (const s of fresh) seen.add(s.clientId);
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
