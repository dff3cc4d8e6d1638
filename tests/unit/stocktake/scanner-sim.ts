import {
  type CaptureAction,
  type CaptureEvent,
  type CaptureTarget,
  createBurstMachine,
} from '../../../renderer/src/features/stocktake/scanner/burst';
import { charFromCode } from '../../../renderer/src/features/stocktake/scanner/keymap';
import {
  type CapturedScan,
  DEFAULT_SCANNER_SETTINGS,
  type ScannerSettings,
  type ScanTrace,
} from '../../../renderer/src/features/stocktake/scanner/types';

/**
 * A tiny page for the burst machine: text fields with value and caret, focus, a US keyboard and
 * optionally a Chinese input method, applying the machine's actions the way useScanCapture does
 * and the browser's default actions for keys that were not prevented.
 */
export interface SimField {
  id: string;
  kind: 'scanField' | 'field';
  value: string;
  start: number;
  end: number;
  multiline?: boolean;
}

/** the physical key a US keyboard (and a scanner) uses for a character */
export function keyFor(char: string): { key: string; code: string; shiftKey: boolean } {
  if (char === 'Enter' || char === 'Tab') return { key: char, code: char, shiftKey: false };
  const codes = [
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `Key${l}`),
    ...'0123456789'.split('').map((d) => `Digit${d}`),
    'Minus',
    'Equal',
    'Period',
    'Comma',
    'Slash',
    'Semicolon',
    'Quote',
    'BracketLeft',
    'BracketRight',
    'Backslash',
    'Backquote',
    'Space',
  ];
  for (const code of codes) {
    for (const shiftKey of [false, true])
      if (charFromCode(code, shiftKey) === char) return { key: char, code, shiftKey };
  }
  throw new Error(`no US key types ${char}`);
}

export class Sim {
  readonly machine;
  readonly scans: CapturedScan[] = [];
  readonly traces: ScanTrace[] = [];
  /** Enter that reached a single-line field or the page: would submit a form / click a button */
  submits = 0;
  focus: SimField | null = null;
  ime = false;
  private composing: { field: SimField; base: string; text: string } | null = null;
  private readonly fields = new Map<string, SimField>();

  constructor(settings: ScannerSettings = DEFAULT_SCANNER_SETTINGS, fields: SimField[] = []) {
    this.machine = createBurstMachine<string>(settings, () => '2026-01-01T00:00:00.000Z');
    for (const f of fields) this.fields.set(f.id, f);
  }

  field(id: string): SimField {
    const f = this.fields.get(id);
    if (!f) throw new Error(id);
    return f;
  }

  focusOn(id: string | null): void {
    this.focus = id ? this.field(id) : null;
  }

  private target(): CaptureTarget<string> {
    const f = this.focus;
    if (!f) return { ref: 'body', kind: 'other' };
    return { ref: f.id, kind: f.kind, field: { value: f.value, selectionStart: f.start, selectionEnd: f.end } };
  }

  private feed(ev: Omit<CaptureEvent<string>, 'target'>): boolean {
    return this.apply(this.machine.feed({ ...ev, target: this.target() }));
  }

  /** applies the machine's actions; true when the event was prevented */
  apply(actions: CaptureAction<string>[]): boolean {
    let prevented = false;
    for (const a of actions) {
      if (a.kind === 'preventDefault') prevented = true;
      else if (a.kind === 'scan') this.scans.push(a.scan);
      else if (a.kind === 'trace') this.traces.push(a.trace);
      else if (a.kind === 'restore') {
        const f = this.field(a.target);
        f.value = a.field.value;
        f.start = a.field.selectionStart ?? f.value.length;
        f.end = a.field.selectionEnd ?? f.start;
      } else this.typeInto(this.field(a.target), a.text);
    }
    return prevented;
  }

  private typeInto(f: SimField, text: string): void {
    f.value = f.value.slice(0, f.start) + text + f.value.slice(f.end);
    f.start = f.end = f.start + text.length;
  }

  /** one key pressed at time `at` (ms): keydown, the default action if not prevented, input, keyup */
  press(char: string, at: number): void {
    const k = keyFor(char);
    const terminator = char === 'Enter' || char === 'Tab';
    if (k.shiftKey)
      this.feed({ type: 'keydown', key: 'Shift', code: 'ShiftLeft', keyCode: 16, shiftKey: true, timeStamp: at - 0.5 });
    // an input method works only in a text field, and lets a terminator through when nothing is composed
    if (this.ime && this.focus && !(terminator && !this.composing)) {
      const composing = this.composing !== null;
      const ev = {
        type: 'keydown' as const,
        key: 'Process',
        code: k.code,
        keyCode: 229,
        shiftKey: k.shiftKey,
        isComposing: composing,
        timeStamp: at,
      };
      this.feed(ev); // the input method took the key already: preventDefault changes nothing
      if (terminator && this.composing) this.commit(this.composing.text, at + 0.3);
      else this.compose(char, at + 0.2);
    } else {
      const prevented = this.feed({
        type: 'keydown',
        key: k.key,
        code: k.code,
        keyCode: 0,
        shiftKey: k.shiftKey,
        timeStamp: at,
      });
      if (!prevented) {
        if (terminator) this.defaultTerminator(char);
        else if (this.focus) {
          this.typeInto(this.focus, char);
          this.feed({ type: 'input', data: char, timeStamp: at + 0.2 });
        }
      }
    }
    this.feed({ type: 'keyup', key: k.key, code: k.code, timeStamp: at + 1 });
  }

  private defaultTerminator(char: string): void {
    if (char === 'Enter' && this.focus?.multiline) this.typeInto(this.focus, '\n');
    else if (char === 'Enter') this.submits += 1;
  }

  private compose(char: string, at: number): void {
    const f = this.focus;
    if (!f) return;
    if (!this.composing) {
      this.composing = { field: f, base: f.value, text: '' };
      this.feed({ type: 'compositionstart', data: '', timeStamp: at });
    }
    this.composing.text += char.toLowerCase();
    f.value = this.composing.base + this.composing.text;
    this.feed({ type: 'compositionupdate', data: this.composing.text, timeStamp: at + 0.05 });
    this.feed({ type: 'input', data: this.composing.text, timeStamp: at + 0.1 });
  }

  /** the input method commits (Enter during a composition, or a candidate picked) */
  commit(text: string, at: number): void {
    const c = this.composing;
    if (!c) return;
    this.composing = null;
    // the commit replaces the composition's text in whatever the field holds now
    const f = c.field;
    const shown = c.base + c.text;
    f.value = f.value.endsWith(c.text) && f.value === shown ? c.base + text : f.value + text;
    f.start = f.end = f.value.length;
    this.feed({ type: 'input', data: text, timeStamp: at });
    this.feed({ type: 'compositionend', data: text, timeStamp: at + 0.1 });
  }

  /** a code then the terminator, `perKey` ms apart (a function for uneven gaps); returns the time after */
  scan(code: string, start: number, perKey: number | ((i: number) => number), terminator = 'Enter'): number {
    let t = start;
    const chars = [...code, terminator];
    chars.forEach((c, i) => {
      if (i > 0) t += typeof perKey === 'number' ? perKey : perKey(i);
      this.press(c, t);
    });
    return t;
  }
}
