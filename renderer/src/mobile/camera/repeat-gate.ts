/**
 * A camera sees the same label in frame after frame: each code is reported once while it stays in
 * view, and again only after it has been out of view for `quietMs` (a second look at the same
 * customer is then a deliberate rescan, which the counting screen reports as 已盘过).
 */
export interface RepeatGate {
  /** the codes one frame showed at `nowMs`; returns those to report now */
  frame(codes: readonly string[], nowMs: number): string[];
}

export const REPEAT_QUIET_MS = 1500;

export function createRepeatGate(quietMs = REPEAT_QUIET_MS): RepeatGate {
  const lastSeen = new Map<string, number>();
  return {
    frame(codes, nowMs) {
      const report: string[] = [];
      for (const code of new Set(codes)) {
        const last = lastSeen.get(code);
        if (last === undefined || nowMs - last >= quietMs) report.push(code);
        lastSeen.set(code, nowMs);
      }
      for (const [code, at] of lastSeen) if (nowMs - at >= quietMs) lastSeen.delete(code);
      return report;
    },
  };
}
