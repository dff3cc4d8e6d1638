import { useCallback, useEffect, useRef, useState } from 'react';

/** what answers changed is read again once they pause this long… */
export const SETTLE_MS = 2_000;
/** …or this long into a burst that does not pause */
export const SETTLE_MAX_MS = 30_000;

/**
 * When the counting page re-reads what answers changed (the tables, the full progress per category
 * and per counter: a recount on the read pool). During a burst every read and every table redraw
 * competes with the scans for the same two cores, so they wait until the answers pause (2 s), or
 * 30 s into a burst that does not. Meanwhile the feedback, this PC's list and the live counters
 * follow each answer. `onAnswered` is stable and sets no state itself.
 */
export function useAnswerPace(): { onAnswered: () => void; settled: number } {
  const [settled, setSettled] = useState(0);
  const timer = useRef({ handle: 0, firstAnswer: 0 });
  useEffect(() => () => clearTimeout(timer.current.handle), []);
  const onAnswered = useCallback(() => {
    const t = timer.current;
    const now = Date.now();
    t.firstAnswer ||= now;
    clearTimeout(t.handle);
    t.handle = window.setTimeout(
      () => {
        t.handle = 0;
        t.firstAnswer = 0;
        setSettled((n) => n + 1);
      },
      Math.min(SETTLE_MS, Math.max(0, t.firstAnswer + SETTLE_MAX_MS - now)),
    );
  }, []);
  return { onAnswered, settled };
}
