import { useEffect, useRef } from 'react';
import { ApiCallError, call } from '../../../api';
import {
  type CapturedScan,
  DEFAULT_SCANNER_SETTINGS,
  type QueuedScan,
  type ScanCaptureOptions,
  type ScannerSettings,
  type ScanQueue,
} from '../scanner/types';

/**
 * The counting screen's one door to the scanner part (scanner/): its capture, its queue, its
 * settings and its sounds. Until that part lands this holds a plain stand-in with the same
 * agreement (types.ts): Enter in the scan field makes a scan; scans are sent one after another.
 */

export function readScannerSettings(): ScannerSettings {
  return DEFAULT_SCANNER_SETTINGS;
}

export function useScanCapture({ enabled, fieldRef, onScan }: ScanCaptureOptions): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    const field = fieldRef.current;
    if (!enabled || !field) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing) return;
      e.preventDefault();
      const code = field.value.normalize('NFKC').replace(/\s+/g, '');
      field.value = '';
      if (!code) return;
      latest.current({ code, source: 'keyboard', endedAt: e.timeStamp, scannedAt: new Date().toISOString(), keys: code.length, spanMs: 0 });
    };
    field.addEventListener('keydown', onKey);
    return () => field.removeEventListener('keydown', onKey);
  }, [enabled, fieldRef]);
}

export function createScanQueue(stocktakeId: number): ScanQueue {
  let items: QueuedScan[] = [];
  const listeners = new Set<() => void>();
  let running = false;
  let disposed = false;
  const emit = () => {
    items = [...items];
    for (const l of listeners) l();
  };
  const update = (scan: QueuedScan, patch: Partial<QueuedScan>) => {
    items = items.map((s) => (s.clientId === scan.clientId ? { ...s, ...patch } : s));
    emit();
  };
  const pump = async () => {
    if (running) return;
    running = true;
    while (!disposed) {
      const next = [...items].reverse().find((s) => s.state === 'pending');
      if (!next) break;
      update(next, { state: 'sending' });
      try {
        const ack = await call('stocktake.scan', {
          stocktakeId,
          clientId: next.clientId,
          code: next.code,
          source: next.source,
          scannedAt: next.scannedAt,
        });
        update(next, { state: 'acked', ack });
      } catch (error) {
        if (error instanceof ApiCallError) update(next, { state: 'failed', errorKey: error.messageKey });
        else {
          update(next, { state: 'pending' });
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
    running = false;
  };
  return {
    push(scan: CapturedScan | { code: string; source: 'keyboard' | 'search'; endedAt: number; scannedAt: string }) {
      const queued: QueuedScan = {
        clientId: crypto.randomUUID(),
        code: scan.code,
        source: scan.source,
        scannedAt: scan.scannedAt,
        endedAt: scan.endedAt,
        state: 'pending',
      };
      items = [queued, ...items].slice(0, 50);
      emit();
      void pump();
      return queued;
    },
    pendingCount: () => items.filter((s) => s.state === 'pending' || s.state === 'sending').length,
    items: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
}

/** The sound of one scan's result (scanner/ plays it; silent in the stand-in). */
export function playScanSound(_tone: string, _settings: ScannerSettings): void {}
