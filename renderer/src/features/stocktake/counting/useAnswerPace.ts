import { useCallback, useEffect, useRef, useState } from 'react';

/** the tables (this stocktake's lines, the newest scans) follow answers at most this often */
export const TABLES_EVERY_MS = 3_000;
/** the full progress (a recount on the read pool) waits until answers pause this long… */
export const SETTLE_MS = 2_000;
/** …or this long into a burst that does not pause */
export const SETTLE_MAX_MS = 30_000;

/**
 * The pace at which the counting page re-reads what answers changed. During a burst every read
 * competes with the scans for the same two cores, so: the tables at most every 3 s; the full
 * progress (per category, per counter: a recount) once the burst pauses — the live counters come
 * with each answer meanwhile. `onAnswered` is stable and sets no state itself.
 */
export function useAnswerPace(): { onAnswered: () => void; tables: number; settled: number } {
  const [tables, setTables] = useState(0);
  const [settled, setSettled] = useState(0);
  const timers = useRef({ tables: 0, settle: 0, firstUnsettled: 0 });
  useEffect(
    () => () => {
      clearTimeout(timers.current.tables);
      clearTimeout(timers.current.settle);
    },
    [],
  );
  const onAnswered = useCallback(() => {
    const t = timers.current;
    const now = Date.now();
    if (!t.tables)
      t.tables = window.setTimeout(() => {
        t.tables = 0;
        setTables((n) => n + 1);
      }, TABLES_EVERY_MS);
    t.firstUnsettled ||= now;
    clearTimeout(t.settle);
    const wait = Math.min(SETTLE_MS, Math.max(0, t.firstUnsettled + SETTLE_MAX_MS - now));
    t.settle = window.setTimeout(() => {
      t.settle = 0;
      t.firstUnsettled = 0;
      setSettled((n) => n + 1);
    }, wait);
  }, []);
  return { onAnswered, tables, settled };
}
