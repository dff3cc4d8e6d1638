import type { Core } from '../core';
import { inTransaction } from '../transaction';

/**
 * How a bulk adjustment is cut: each slice is one transaction on the main connection, its work
 * and its commit together aiming at `budgetMs` (at least one customer each), so the main thread
 * never stalls for long: the work gets what the last commit (synchronous=FULL: the WAL written and
 * synced, growing with the pages a slice dirtied) left of the budget, never under `minWorkMs`. On
 * a loaded machine a busy thread is preempted mid-slice, so the budget is well under the house
 * rule's 20 ms (the bench's spin baseline: 10 ms slices of pure CPU showed 19–32 ms gaps).
 * The targets are read in keyset pages of `pageSize` rows inside the slices (report.ts
 * sectionPages), never all at once. Mutable for tests only: `maxPerSlice` caps a slice (a
 * deterministic count of slices), `onSlice` is told after each committed slice how many customers
 * are done and how long the slice held the main thread (its work and its commit).
 */
export const adjustSlicing: {
  budgetMs: number;
  minWorkMs: number;
  maxPerSlice: number;
  pageSize: number;
  onSlice: ((done: number, ms: number) => void) | null;
} = {
  budgetMs: 5,
  minWorkMs: 2,
  maxPerSlice: Number.POSITIVE_INFINITY,
  pageSize: 1000,
  onSlice: null,
};

export interface SliceSteps {
  /** checked first in every slice's transaction: false stops the run (what was done stays) */
  open(): boolean;
  /** the next page of targets, read in the slice's transaction (`[]`: none in that page); null: no more */
  next(): number[] | null;
  /** the most customers one `batch` call takes */
  maxBatch: number;
  /** applies the change to some customers, in the slice's transaction */
  batch(ids: number[]): void;
  /** in the transaction of the last slice: `left` customers were not reached (the run stopped) */
  last(left: number): void;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `steps` over the targets `next` pages out, in time slices, yielding to the event loop
 * between them. Each slice takes the write gate first (write-gate.ts): while an import holds the
 * write lock, the next slice waits asynchronously instead of busy-waiting on SQLite's lock on the
 * main thread. Batches within a slice are sized from the time per customer measured so far,
 * aiming at half the time left, so a slice ends close to its budget. A run that stops still pages
 * through the rest (in slices, changing nothing) to count the customers it did not reach.
 */
export async function inSlices(core: Core, steps: SliceSteps): Promise<void> {
  let queue: number[] = [];
  let exhausted = false;
  let stopped = false;
  let done = 0;
  let left = 0;
  // ms per customer; a cautious first guess, then what the batches measure
  let perId = 1;
  // what the last commit took (0 before the first)
  let commitMs = 0;
  const refill = () => {
    const page = steps.next();
    if (page == null) exhausted = true;
    else queue = page;
  };
  for (;;) {
    const release = await core.writes.hold();
    const started = performance.now();
    const budget = Math.max(adjustSlicing.minWorkMs, adjustSlicing.budgetMs - commitMs);
    let workEnd = started;
    let finished: boolean;
    try {
      const work = () => {
        const t0 = performance.now();
        const spent = () => performance.now() - t0;
        if (!stopped && !steps.open()) stopped = true;
        if (stopped) {
          left += queue.length;
          queue = [];
          while (!exhausted && spent() < budget) {
            refill();
            left += queue.length;
            queue = [];
          }
          if (!exhausted) return false;
          steps.last(left);
          return true;
        }
        let room = adjustSlicing.maxPerSlice;
        while (room > 0 && !(exhausted && !queue.length)) {
          if (!queue.length) refill();
          else {
            const budgetLeft = budget - spent();
            const n = Math.max(1, Math.min(queue.length, room, steps.maxBatch, Math.floor(budgetLeft / 2 / perId)));
            const t = performance.now();
            steps.batch(queue.slice(0, n));
            perId = Math.max((performance.now() - t) / n, 0.001);
            queue = queue.slice(n);
            room -= n;
            done += n;
          }
          if (spent() >= budget) break;
        }
        if (queue.length || !exhausted) return false;
        steps.last(0);
        return true;
      };
      finished = inTransaction(core, () => {
        const ended = work();
        workEnd = performance.now();
        return ended;
      });
      commitMs = performance.now() - workEnd;
    } finally {
      release();
    }
    adjustSlicing.onSlice?.(done, performance.now() - started);
    if (finished) return;
    await nextTick();
  }
}
