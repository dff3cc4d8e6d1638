import { useCallback, useRef } from 'react';
import type { QueuedScan, ScanQueue } from '../scanner/types';

/**
 * Marks, once per scan, the moment its answer is on screen: called after React committed the part
 * that shows it (the big feedback or its row in 本机扫描记录), it marks in the next frame
 * (`stocktake:feedback`, detail { clientId, endedAt }): the scanning bench reads Enter → feedback
 * from these marks. A scan whose answer is not on screen in that frame is never marked.
 */
export function useFeedbackMarker(queue: ScanQueue): (shown: readonly (QueuedScan | null | undefined)[]) => void {
  // scans answered before this page opened (the queue outlives it) were shown then
  const marked = useRef<Set<string> | null>(null);
  marked.current ??= new Set([...queue.items(), queue.latestAnswer()].filter((s) => s?.state === 'acked').map((s) => s?.clientId ?? ''));
  return useCallback((shown) => {
    const seen = marked.current;
    if (!seen) return;
    const fresh: QueuedScan[] = [];
    for (const s of shown) {
      if (s?.state !== 'acked' || seen.has(s.clientId)) continue;
      seen.add(s.clientId);
      fresh.push(s);
    }
    if (!fresh.length) return;
    requestAnimationFrame(() => {
      for (const s of fresh) {
        // still on screen in the frame about to be painted (a newer answer may have replaced it in
        // the big block, and a long backlog keeps it out of the list): otherwise it is not marked
        if (document.querySelector(`[data-client-id="${CSS.escape(s.clientId)}"]:not([data-tone="pending"])`))
          performance.mark('stocktake:feedback', { detail: { clientId: s.clientId, endedAt: s.endedAt } });
      }
    });
  }, []);
}
