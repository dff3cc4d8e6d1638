import type { Core } from './core';
import { applyDueSchedules } from './status/schedule';
import { storageFaultOf } from './faults';

/** Event the renderer refreshes customer views on. */
export const CUSTOMERS_CHANGED_EVENT = 'customers.changed';

/**
 * One round of the work that runs without anyone asking (scheduled deactivations). Nothing runs
 * while the core is in a fault: a damaged file is not written into. An error that means a fault
 * (a damaged page met on the way) puts the core in it, as a call's would (faults.ts).
 */
export async function backgroundTick(core: Core, onError: (err: unknown) => void = console.error): Promise<void> {
  if (core.fault) return;
  try {
    await core.writes.wait();
    if (core.fault) return; // found by a call while this one waited
    const ids = applyDueSchedules(core);
    if (ids.length) core.events.emit({ name: CUSTOMERS_CHANGED_EVENT, payload: { ids } });
  } catch (err) {
    storageFaultOf(core, err);
    onError(err);
  }
}

/**
 * Scheduled deactivations take effect at start and on every tick, so a date that passed while
 * the app was closed is applied on the next start. Returns the function that stops the timer.
 */
export function startBackgroundJobs(
  core: Core,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await backgroundTick(core, opts.onError);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
