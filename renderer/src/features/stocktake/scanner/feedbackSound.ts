import type { ScanResult } from '../../../../../electron/core/stocktake/shared/stocktake.contract';

/** What a scan's feedback tells: the core's result, or 'failed' (refused, not counted). */
export type FeedbackKind = ScanResult | 'failed';

/** One note: frequency (Hz), length and start (ms from the first note), waveform. */
export interface Tone {
  hz: number;
  ms: number;
  at: number;
  wave: OscillatorType;
}

/**
 * One distinct pattern per result, so a counter hears what happened without looking: a short high
 * beep for found, two beeps for a repeat, low buzzes for what needs attention. Deactivated and
 * frozen share a falling pair (the text says which).
 */
export const FEEDBACK_TONES: Record<FeedbackKind, readonly Tone[]> = {
  found: [{ hz: 1320, ms: 70, at: 0, wave: 'sine' }],
  duplicate: [
    { hz: 880, ms: 60, at: 0, wave: 'sine' },
    { hz: 880, ms: 60, at: 110, wave: 'sine' },
  ],
  unknown: [{ hz: 220, ms: 280, at: 0, wave: 'square' }],
  deactivated: [
    { hz: 660, ms: 110, at: 0, wave: 'triangle' },
    { hz: 440, ms: 160, at: 130, wave: 'triangle' },
  ],
  frozen: [
    { hz: 660, ms: 110, at: 0, wave: 'triangle' },
    { hz: 440, ms: 160, at: 130, wave: 'triangle' },
  ],
  outOfScope: [
    { hz: 523, ms: 90, at: 0, wave: 'triangle' },
    { hz: 784, ms: 120, at: 110, wave: 'triangle' },
  ],
  failed: [
    { hz: 180, ms: 120, at: 0, wave: 'sawtooth' },
    { hz: 180, ms: 120, at: 170, wave: 'sawtooth' },
    { hz: 180, ms: 120, at: 340, wave: 'sawtooth' },
  ],
};

const VOLUME = 0.12;

/** one context for the window (browsers limit how many may exist), created on first use */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  // created before any user gesture it starts suspended; a scan is a key press, so resume works
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

/** Plays a result's pattern (Web Audio, no files); silent when sound is off or audio is unavailable. */
export function playFeedback(kind: FeedbackKind, sound: boolean): void {
  if (!sound) return;
  try {
    const ctx = audio();
    if (!ctx) return;
    const start = ctx.currentTime + 0.005;
    for (const tone of FEEDBACK_TONES[kind]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t0 = start + tone.at / 1000;
      const t1 = t0 + tone.ms / 1000;
      osc.type = tone.wave;
      osc.frequency.value = tone.hz;
      // short ramps: no click at either end
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(VOLUME, t0 + 0.008);
      gain.gain.setValueAtTime(VOLUME, t1 - 0.015);
      gain.gain.linearRampToValueAtTime(0, t1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t1 + 0.01);
    }
  } catch {
    // no audio device: the colour and the text still tell
  }
}
