import { TONE_COLORS as PC_COLORS } from '../features/stocktake/counting/feedback';
import { type FeedbackKind, playFeedback } from '../features/stocktake/scanner/feedbackSound';
import type { LocalScan, LocalVerdict } from './offline/types';

/** How a scan looks: a tone (colour) and a text key with its values. */
export type Tone = 'found' | 'duplicate' | 'blocked' | 'notInList' | 'unknown' | 'outOfScope' | 'refused';

/** The PC counting screen's colours, the phone's own tones mapped onto them. */
export const TONE_COLORS: Record<Tone, { bg: string; border: string; fg: string }> = {
  found: PC_COLORS.found,
  duplicate: PC_COLORS.duplicate,
  blocked: PC_COLORS.blocked,
  notInList: PC_COLORS.outOfScope,
  unknown: PC_COLORS.unknown,
  outOfScope: PC_COLORS.outOfScope,
  refused: PC_COLORS.failed,
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
  buzz(VIBRATE[v.kind]);
}

/** A scan that was not taken (not a code, or the phone could not store it): the PC's failure sound, a long buzz. */
export function signalFailure(): void {
  playFeedback('failed', true);
  buzz([400, 100, 400]);
}

function buzz(pattern: number[]): void {
  try {
    navigator.vibrate?.(pattern);
  } catch {
    // no vibration motor / not allowed: colour and text still tell
  }
}
