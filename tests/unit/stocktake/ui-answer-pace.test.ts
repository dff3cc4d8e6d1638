import { describe, expect, it } from 'vitest';
import { answerPace, SETTLE_MAX_MS, SETTLE_MS } from '../../../renderer/src/features/stocktake/counting/useAnswerPace';

// The counting page re-reads its tables and the full progress (a recount) only when a burst of
// answers pauses, never per answer (renderer/src/features/stocktake/counting/useAnswerPace.ts).

function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    schedule(fn: () => void, ms: number) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => {
        timers = timers.filter((x) => x !== t);
      };
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

describe('the counting page re-reads at the pace of the answers', () => {
  it('not during a burst: once it pauses', () => {
    const clock = manualClock();
    let reads = 0;
    const pace = answerPace(() => reads++, clock);
    // 20 answers a second for 10 s
    for (let i = 0; i < 200; i++) {
      pace.answered();
      clock.advance(50);
    }
    expect(reads).toBe(0);
    clock.advance(SETTLE_MS);
    expect(reads).toBe(1);
    clock.advance(60_000);
    expect(reads).toBe(1);
  });

  it('a burst that never pauses is read every 30 s', () => {
    const clock = manualClock();
    let reads = 0;
    const pace = answerPace(() => reads++, clock);
    for (let i = 0; i < (2 * SETTLE_MAX_MS) / 50; i++) {
      pace.answered();
      clock.advance(50);
    }
    expect(reads).toBe(2);
  });

  it('reads nothing after it is disposed (the page closed)', () => {
    const clock = manualClock();
    let reads = 0;
    const pace = answerPace(() => reads++, clock);
    pace.answered();
    pace.dispose();
    clock.advance(SETTLE_MAX_MS);
    expect(reads).toBe(0);
  });
});
