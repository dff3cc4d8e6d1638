import { type FeedbackKind, playFeedback } from '../features/stocktake/scanner/feedbackSound';
import type { LocalScan, LocalVerdict } from './offline/types';

/** How a scan looks: a tone (colour) and a text key with its values. */
export type Tone = 'found' | 'duplicate' | 'blocked' | 'notInList' | 'unknown' | 'outOfScope' | 'refused';

export const TONE_COLORS: Record<Tone, { bg: string; border: string; fg: string }> = {
  found: { bg: '#f6ffed', border: '#52c41a', fg: '#237804' },
  duplicate: { bg: '#fffbe6', border: '#faad14', fg: '#ad6800' },
  blocked: { bg: '#fff0f6', border: '#eb2f96', fg: '#9e1068' },
  notInList: { bg: '#f9f0ff', border: '#722ed1', fg: '#391085' },
  unknown: { bg: '#fff1f0', border: '#ff4d4f', fg: '#a8071a' },
  outOfScope: { bg: '#f9f0ff', border: '#722ed1', fg: '#391085' },
  refused: { bg: '#fff1f0', border: '#cf1322', fg: '#820014' },
};

/** the text key of a verdict made offline */
export function verdictKey(v: LocalVerdict): string {
  if (v.kind === 'duplicate') return v.already === 'here' ? 'm.verdict.duplicateHere' : 'm.verdict.duplicateServer';
  return `m.verdict.${v.kind}`;
}

export function verdictTone(v: LocalVerdict): Tone {
  if (v.kind === 'frozen' || v.kind === 'deactivated') return 'blocked';
  return v.kind;
}

/** The scan as shown now: the server's classification once synced, the phone's before. */
export function scanLook(s: LocalScan): { tone: Tone; key: string; name: string | null } {
  if (s.ack) {
    const r = s.ack.result;
    const tone: Tone = r === 'frozen' || r === 'deactivated' ? 'blocked' : r;
    return { tone, key: `m.result.${r}`, name: s.ack.customer?.name ?? s.verdict.customerName };
  }
  return { tone: verdictTone(s.verdict), key: verdictKey(s.verdict), name: s.verdict.customerName };
}

const SOUND: Record<LocalVerdict['kind'], FeedbackKind> = {
  found: 'found',
  duplicate: 'duplicate',
  frozen: 'frozen',
  deactivated: 'deactivated',
  notInList: 'outOfScope',
};
const VIBRATE: Record<LocalVerdict['kind'], number[]> = {
  found: [60],
  duplicate: [60, 80, 60],
  frozen: [200, 80, 200],
  deactivated: [200, 80, 200],
  notInList: [300],
};

/** Sound (Web Audio, the PC's patterns) and vibration where the phone has it. */
export function signal(v: LocalVerdict): void {
  playFeedback(SOUND[v.kind], true);
  try {
    navigator.vibrate?.(VIBRATE[v.kind]);
  } catch {
    // no vibration motor / not allowed: colour and text still tell
  }
}

/** A scan that was not taken (not a code, or the phone could not store it): the PC's failure sound, a long buzz. */
export function signalFailure(): void {
  playFeedback('failed', true);
  try {
    navigator.vibrate?.([400, 100, 400]);
  } catch {
    // no vibration motor / not allowed: colour and text still tell
  }
}
