import { useSyncExternalStore } from 'react';
import { call } from '../../../api';
import { createScanQueue } from './scanQueue';
import type { QueuedScan, ScanQueue } from './types';

/**
 * One queue per stocktake for the window's whole life: leaving the counting page does not stop
 * unanswered scans from being resent, and coming back (or React mounting twice) finds the same
 * queue instead of a second one resending the same storage.
 */
const queues = new Map<number, ScanQueue>();

export function getScanQueue(stocktakeId: number): ScanQueue {
  let queue = queues.get(stocktakeId);
  if (!queue) {
    queue = createScanQueue(stocktakeId, (input) => call('stocktake.scan', input));
    queues.set(stocktakeId, queue);
  }
  return queue;
}

const NONE: readonly QueuedScan[] = [];
const noSubscription = () => () => {};

/** The stocktake's queue and its items (newest first) and unanswered count, re-rendering on change. */
export function useScanQueue(stocktakeId: number | null): {
  queue: ScanQueue | null;
  items: readonly QueuedScan[];
  pending: number;
} {
  const queue = stocktakeId ? getScanQueue(stocktakeId) : null;
  const subscribe = queue ? queue.subscribe : noSubscription;
  const items = useSyncExternalStore(subscribe, () => (queue ? queue.items() : NONE));
  const pending = useSyncExternalStore(subscribe, () => (queue ? queue.pendingCount() : 0));
  return { queue, items, pending };
}

/** The queue's items (newest first), for a part that shows them: only it redraws on a change. */
export function useQueueItems(queue: ScanQueue): readonly QueuedScan[] {
  return useSyncExternalStore(queue.subscribe, queue.items);
}

/** How many scans wait for their answer. */
export function usePendingCount(queue: ScanQueue): number {
  return useSyncExternalStore(queue.subscribe, queue.pendingCount);
}
