import { describe, expect, it } from 'vitest';
import { FEEDBACK_TONES, feedbackKindOf } from '../../../renderer/src/features/stocktake/scanner/feedbackSound';
import { charFromCode, keyChar } from '../../../renderer/src/features/stocktake/scanner/keymap';
import { normalizeScan } from '../../../renderer/src/features/stocktake/scanner/normalize';
import {
  DEFAULT_SCANNER_SETTINGS,
  sanitizeScannerSettings,
} from '../../../renderer/src/features/stocktake/scanner/scannerSettings';

describe('keys to characters (US layout, as scanners type)', () => {
  it('rebuilds the character from code + Shift when an input method hides the key', () => {
    const ime = (code: string, shiftKey = false) => keyChar({ key: 'Process', code, keyCode: 229, shiftKey });
    expect(ime('KeyC', true)).toBe('C');
    expect(ime('KeyC')).toBe('c');
    expect(ime('Digit7')).toBe('7');
    expect(ime('Digit2', true)).toBe('@');
    expect(ime('Numpad5')).toBe('5');
    expect(ime('Minus')).toBe('-');
    expect(ime('Minus', true)).toBe('_');
    expect(ime('Equal')).toBe('=');
    expect(ime('Period')).toBe('.');
    expect(ime('Slash')).toBe('/');
    expect(ime('Space')).toBe(' ');
    expect(keyChar({ key: 'Unidentified', code: 'KeyQ', shiftKey: true })).toBe('Q');
    // an input method that reports its own (full-width) character on a 229 key: the physical key wins
    expect(keyChar({ key: '\uff41', code: 'KeyA', keyCode: 229, shiftKey: true })).toBe('A');
    expect(keyChar({ key: 'a', code: 'KeyA', isComposing: true, shiftKey: true })).toBe('A');
    expect(ime('ShiftLeft', true)).toBeNull();
    expect(ime('Enter')).toBeNull();
  });

  it("takes the key's own character when no input method intervened", () => {
    // a French layout's key reports its own character: the key wins over the US guess
    expect(keyChar({ key: 'a', code: 'KeyQ', keyCode: 65 })).toBe('a');
    expect(keyChar({ key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 })).toBeNull();
    expect(charFromCode('KeyZ', true)).toBe('Z');
  });
});

describe('normalisation', () => {
  it('turns full-width into half-width and drops whitespace and control characters', () => {
    expect(normalizeScan('ＫＨ－０００１', DEFAULT_SCANNER_SETTINGS)).toBe('KH-0001');
    expect(normalizeScan(' KH 0001\t\u001d', DEFAULT_SCANNER_SETTINGS)).toBe('KH0001');
  });

  it('strips the configured prefix and suffix, compared after the same normalisation', () => {
    const s = { prefix: 'ＳＣ:', suffix: '#' };
    expect(normalizeScan('SC:KH0001#', s)).toBe('KH0001');
    expect(normalizeScan('KH0001', s)).toBe('KH0001');
    // the suffix alone is not a code to strip to nothing
    expect(normalizeScan('#', { prefix: '', suffix: '#' })).toBe('#');
  });
});

describe('scanner settings', () => {
  it('keeps what is valid of a stored entry and takes the defaults for the rest', () => {
    expect(sanitizeScannerSettings(null)).toEqual(DEFAULT_SCANNER_SETTINGS);
    expect(
      sanitizeScannerSettings({ prefix: 'X', maxGapMs: 'fast', minLength: 0, terminator: 'tab', sound: false }),
    ).toEqual({
      ...DEFAULT_SCANNER_SETTINGS,
      prefix: 'X',
      terminator: 'tab',
      sound: false,
    });
  });
});

describe('feedback sounds', () => {
  it('each result has its own pattern (deactivated and frozen share one; the text tells them apart)', () => {
    const patterns = new Map(Object.entries(FEEDBACK_TONES).map(([kind, tones]) => [kind, JSON.stringify(tones)]));
    expect(patterns.get('deactivated')).toBe(patterns.get('frozen'));
    patterns.delete('frozen');
    expect(new Set(patterns.values()).size).toBe(patterns.size);
    for (const tones of Object.values(FEEDBACK_TONES)) expect(tones.length).toBeGreaterThan(0);
  });
});

describe('feedback of a queued scan', () => {
  const base = {
    clientId: 'c-00000001',
    code: 'KH1',
    source: 'scanner' as const,
    scannedAt: '2026-01-01T00:00:00.000Z',
    endedAt: 1,
  };
  it('is the result once acknowledged, failed when refused, nothing while unanswered', () => {
    expect(feedbackKindOf({ ...base, state: 'pending' })).toBeNull();
    expect(feedbackKindOf({ ...base, state: 'sending' })).toBeNull();
    expect(feedbackKindOf({ ...base, state: 'failed', errorKey: 'x.y' })).toBe('failed');
    const ack = {
      scanId: 1,
      clientId: base.clientId,
      code: 'KH1',
      result: 'duplicate' as const,
      lineId: 1,
      customer: null,
      times: 2,
      earlier: [],
      replayed: false,
      progress: { expected: 1, counted: 1, scans: 2, unknown: 0, outOfScope: 0 },
    };
    expect(feedbackKindOf({ ...base, state: 'acked', ack })).toBe('duplicate');
  });
});
