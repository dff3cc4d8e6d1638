import type { QueuedScan, ScanAck } from '../scanner/types';

/**
 * How the counting screen explains one scan: a tone (its colour and sound) and a text key under
 * `stocktake.counting.feedback.` with its values. Pure, so the rules are tested without a screen.
 */
export type FeedbackTone = 'found' | 'duplicate' | 'unknown' | 'blocked' | 'outOfScope' | 'pending' | 'failed' | 'undone';

export interface Feedback {
  tone: FeedbackTone;
  /** the headline's i18n key */
  title: string;
  /** the line below it (which customer, by whom, why): an i18n key, or null */
  detail: string | null;
  params: Record<string, string | number>;
}

/** Earlier counters, newest first, each name once: "张三、李四" (the separator comes from the texts). */
export function earlierCounters(ack: ScanAck, separator: string): string {
  return [...new Set(ack.earlier.map((e) => e.userName))].join(separator);
}

/** The feedback of an answered scan. */
const key = (k: string) => `stocktake.counting.feedback.${k}`;

export function ackFeedback(ack: ScanAck, separator = ', '): Feedback {
  const c = ack.customer;
  const params: Record<string, string | number> = {
    code: ack.code,
    name: c?.name ?? '',
    times: ack.times,
    by: earlierCounters(ack, separator),
    reason: [c?.statusReasonName, c?.statusMemo].filter(Boolean).join(separator),
    merged: c?.mergedInto ? `${c.mergedInto.code} ${c.mergedInto.name}` : '',
  };
  switch (ack.result) {
    case 'found':
      return { tone: 'found', title: key('found'), detail: c?.mergedInto ? key('mergedInto') : null, params };
    case 'duplicate':
      return { tone: 'duplicate', title: key('duplicate'), detail: params.by ? key('duplicateBy') : null, params };
    case 'unknown':
      return { tone: 'unknown', title: key('unknown'), detail: key('unknownHint'), params };
    case 'deactivated':
    case 'frozen':
      return { tone: 'blocked', title: key(ack.result), detail: key(params.reason ? 'reason' : 'noReason'), params };
    case 'outOfScope':
      return { tone: 'outOfScope', title: key('outOfScope'), detail: key('outOfScopeHint'), params };
  }
}

/** The feedback of a scan in the queue: pending until answered, failed with its reason, taken back, else its answer. */
export function scanFeedback(scan: QueuedScan, separator = ', '): Feedback {
  if (scan.undone) return { tone: 'undone', title: key('undone'), detail: null, params: { code: scan.code } };
  if (scan.state === 'acked' && scan.ack) return ackFeedback(scan.ack, separator);
  const params = { code: scan.code };
  if (scan.state === 'failed') return { tone: 'failed', title: key('failed'), detail: scan.errorKey ?? null, params };
  return { tone: 'pending', title: key('pending'), detail: key('pendingHint'), params };
}

/** Colours of each tone: background, border and text (big blocks, read from across the desk). */
export const TONE_COLORS: Record<FeedbackTone, { bg: string; border: string; fg: string }> = {
  found: { bg: '#f6ffed', border: '#52c41a', fg: '#237804' },
  duplicate: { bg: '#fffbe6', border: '#faad14', fg: '#ad6800' },
  unknown: { bg: '#fff1f0', border: '#ff4d4f', fg: '#a8071a' },
  blocked: { bg: '#fff0f6', border: '#eb2f96', fg: '#9e1068' },
  outOfScope: { bg: '#f9f0ff', border: '#722ed1', fg: '#391085' },
  pending: { bg: '#fafafa', border: '#d9d9d9', fg: '#595959' },
  failed: { bg: '#fff1f0', border: '#cf1322', fg: '#820014' },
  undone: { bg: '#f5f5f5', border: '#8c8c8c', fg: '#595959' },
};
