import { useEffect, useState } from 'react';

/** what answers changed is read again once they pause this long… */
export const SETTLE_MS = 2_000;
/** …or this long into a burst that does not pause */
export const SETTLE_MAX_MS = 30_000;

export interface PaceClock {
  now(): number;
  /** runs fn after ms; returns its cancel */
  schedule(fn: () => void, ms: number): () => void;
}

const realClock: PaceClock = {
  now: () => Date.now(),
  schedule: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/**
 * When the counting page re-reads what answers changed (the tables, the full progress per category
 * and per counter: a recount on the read pool). During a burst every read and every table redraw
 * competes with the scans for the same two cores, so `settle` runs once the answers pause (2 s),
 * or 30 s into a burst that does not. Meanwhile the feedback, this PC's list and the live counters
 * follow each answer. Pure (a clock is passed), so the pace is tested without a screen.
 */
export function answerPace(settle: () => void, clock: PaceClock = realClock) {
  let cancel: (() => void) | null = null;
  let firstAnswer: number | null = null;
  return {
    answered() {
      const now = clock.now();
      firstAnswer ??= now;
      cancel?.();
      cancel = clock.schedule(
        () => {
          cancel = null;
          firstAnswer = null;
          settle();
        },
        Math.min(SETTLE_MS, Math.max(0, firstAnswer + SETTLE_MAX_MS - now)),
      );
    },
    dispose() {
      cancel?.();
      cancel = null;
    },
  };
}

/** The page's side: `settled` counts the pauses; `onAnswered` is stable and sets no state itself. */
export function useAnswerPace(): { onAnswered: () => void; settled: number } {
  const [settled, setSettled] = useState(0);
  const [pace] = useState(() => answerPace(() => setSettled((n) => n + 1)));
  useEffect(() => () => pace.dispose(), [pace]);
  return { onAnswered: pace.answered, settled };
}
