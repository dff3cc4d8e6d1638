import type { Core } from '../core';
import { inTransaction } from '../transaction';

/**
 * How a bulk adjustment is cut: each slice is one transaction on the main connection, ended once
 * `budgetMs` have passed (at least one customer each), so the main thread never stalls for long.
 * Mutable for tests only: `maxPerSlice` caps a slice (a deterministic count of slices), `onSlice`
 * is told after each committed slice how many customers are done.
 */
export const adjustSlicing: { budgetMs: number; maxPerSlice: number; onSlice: ((done: number) => void) | null } = {
  budgetMs: 10,
  maxPerSlice: Number.POSITIVE_INFINITY,
  onSlice: null,
};

export interface SliceSteps {
  /** checked first in every slice's transaction: false stops the run (what was done stays) */
  open(): boolean;
  /** the most customers one `batch` call takes */
  maxBatch: number;
  /** applies the change to some customers, in the slice's transaction */
  batch(ids: number[]): void;
  /** in the transaction of the last slice: `left` customers were not reached (the run stopped) */
  last(left: number): void;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `steps` over `ids` in time slices, yielding to the event loop between them. Each slice
 * takes the write gate first (write-gate.ts): while an import holds the write lock, the next
 * slice waits asynchronously instead of busy-waiting on SQLite's lock on the main thread.
 * Batches within a slice are sized from the time per customer measured so far, aiming at half
 * the time left, so a slice ends close to its budget.
 */
export async function inSlices(core: Core, ids: readonly number[], steps: SliceSteps): Promise<void> {
  let i = 0;
  // ms per customer; a cautious first guess, then what the batches measure
  let perId = 1;
  for (;;) {
    const release = await core.writes.hold();
    let finished: boolean;
    try {
      finished = inTransaction(core, () => {
        if (!steps.open()) {
          steps.last(ids.length - i);
          return true;
        }
        const t0 = performance.now();
        const end = Math.min(ids.length, i + adjustSlicing.maxPerSlice);
        while (i < end) {
          const left = adjustSlicing.budgetMs - (performance.now() - t0);
          const n = Math.max(1, Math.min(end - i, steps.maxBatch, Math.floor(left / 2 / perId)));
          const t = performance.now();
          steps.batch(ids.slice(i, i + n));
          perId = Math.max((performance.now() - t) / n, 0.001);
          i += n;
          if (performance.now() - t0 >= adjustSlicing.budgetMs) break;
        }
        if (i < ids.length) return false;
        steps.last(0);
        return true;
      });
    } finally {
      release();
    }
    adjustSlicing.onSlice?.(i);
    if (finished) return;
    await nextTick();
  }
}
