/**
 * Which waiting read a free pool thread takes. A review page or a broad count at 1M customers
 * takes hundreds of milliseconds, a search or a customer's detail a few: if long reads could fill
 * every thread, a keystroke's search would wait behind them. So reads that have been long lately
 * (their channel's recent average over LONG_READ_MS) may hold all threads but one; the others go
 * first to any free thread, in order. A pool of one thread takes every read in order.
 */
export const LONG_READ_MS = 20;

/** Recent duration of each channel's reads: an average that follows the last few calls. */
export function readDurations() {
  const avg = new Map<string, number>();
  return {
    record(channel: string, ms: number) {
      const before = avg.get(channel);
      avg.set(channel, before === undefined ? ms : before * 0.7 + ms * 0.3);
    },
    isLong: (channel: string) => (avg.get(channel) ?? 0) > LONG_READ_MS,
  };
}

/**
 * The index in `waiting` (oldest first) of the read a free thread takes next, or -1 when none
 * may start: the oldest read, unless it is long and long reads already hold all threads but one,
 * in which case the oldest short read.
 */
export function nextRead(waiting: readonly { long: boolean }[], longRunning: number, size: number): number {
  const longMayStart = size <= 1 || longRunning < size - 1;
  return waiting.findIndex((r) => !r.long || longMayStart);
}
