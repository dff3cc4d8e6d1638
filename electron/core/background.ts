import type { Core } from './core';
import { storageFaultOf } from './faults';

/**
 * One round of the work that runs without anyone asking: the timers of the core's features
 * (scheduled deactivations, …), one after another. Nothing runs while the core is in a fault: a
 * damaged file is not written into. An error that means a fault (a damaged page met on the way)
 * puts the core in it, as a call's would (faults.ts); the other timers still run unless it did.
 */
export async function backgroundTick(core: Core, onError: (err: unknown) => void = console.error): Promise<void> {
  for (const timer of core.assembly.timers) {
    if (core.fault) return;
    try {
      await core.writes.wait();
      if (core.fault) return; // found by a call while this one waited
      await timer.run(core);
    } catch (err) {
      storageFaultOf(core, err);
      onError(err);
    }
  }
}

/**
 * The timers run at start and on every tick, so work due while the app was closed (a
 * deactivation date that passed) is done on the next start. Returns the function that stops them;
 * its promise settles once a round that was running has finished, so whoever closes the core next
 * never closes it under a timer's work (a backup being written into the data folder).
 */
export function startBackgroundJobs(
  core: Core,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = backgroundTick(core, opts.onError).finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? 60_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
