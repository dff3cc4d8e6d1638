import type { Core } from './core';
import { applyDueSchedules } from './customers/status/schedule';
import { writeGate } from './write-gate';

/** Event the renderer refreshes customer views on. */
export const CUSTOMERS_CHANGED_EVENT = 'customers.changed';

/**
 * Work that runs without anyone asking: scheduled deactivations take effect at start and on
 * every tick, so a date that passed while the app was closed is applied on the next start.
 * Returns the function that stops the timer.
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
      await writeGate();
      const ids = applyDueSchedules(core);
      if (ids.length) core.events.emit({ name: CUSTOMERS_CHANGED_EVENT, payload: { ids } });
    } catch (err) {
      (opts.onError ?? console.error)(err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
