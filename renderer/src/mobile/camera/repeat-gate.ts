/**
 * A camera sees the same label in frame after frame: each code is reported once while it stays in
 * view, and again only after it has been out of view for `quietMs` AND for `quietFrames` frames
 * read without it (a second look at the same customer is then a deliberate rescan, which the
 * counting screen reports as 已盘过). Counting frames as well as time keeps a busy phone, which
 * reads a frame a second or less, from taking a label still in front of it for a new one.
 */
export interface RepeatGate {
  /** the codes one frame showed at `nowMs`; returns those to report now */
  frame(codes: readonly string[], nowMs: number): string[];
}

export const REPEAT_QUIET_MS = 1500;
export const REPEAT_QUIET_FRAMES = 8;

export function createRepeatGate(quietMs = REPEAT_QUIET_MS, quietFrames = REPEAT_QUIET_FRAMES): RepeatGate {
  const seen = new Map<string, { at: number; missed: number }>();
  const gone = (s: { at: number; missed: number }, nowMs: number) => nowMs - s.at >= quietMs && s.missed >= quietFrames;
  return {
    frame(codes, nowMs) {
      const report: string[] = [];
      const here = new Set(codes);
      for (const [code, s] of seen) {
        if (here.has(code)) continue;
        s.missed++;
        if (gone(s, nowMs)) seen.delete(code);
      }
      for (const code of here) {
        const s = seen.get(code);
        if (!s || gone(s, nowMs)) report.push(code);
        seen.set(code, { at: nowMs, missed: 0 });
      }
      return report;
    },
  };
}
