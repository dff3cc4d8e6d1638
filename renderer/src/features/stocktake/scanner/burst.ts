import { isImeKey, isModifierKey, type KeyLike, keyChar, terminatorOf } from './keymap';
import { normalizeScan } from './normalize';
import type { CapturedScan, ScannerSettings, ScanTrace } from './types';

/**
 * The scan capture's logic, free of the DOM: fed the page's keyboard events as plain records, it
 * says what to do with each. A scanner types a code in a burst (4-16 ms a key, hiccups up to
 * maxGapMs) and ends it with Enter or Tab; a person types slower. Only the events' own `timeStamp`
 * decides (a busy page delivers events late but stamped when they happened).
 *
 * - From the third key of a fast run on, keys are held back (preventDefault): a scan must not end
 *   up typed into the field that has focus. If the run turns out to be typing, the held keys are
 *   given back to that field ('insert').
 * - At the terminator a fast run of at least minLength keys is a scan; the field it was typed into
 *   gets its value from before the run back ('restore'), also after late input-method commits.
 * - Under a Chinese input method the keys come as keyCode 229 / 'Process': the characters are
 *   rebuilt from `code` + Shift; what the composition commits is ignored (and removed).
 * - The terminator ends a scan, so two scans in quick succession stay two; a gap up to maxGapMs
 *   inside a run keeps it one.
 */

export type CaptureEventType =
  | 'keydown'
  | 'keyup'
  | 'input'
  | 'compositionstart'
  | 'compositionupdate'
  | 'compositionend';

/** A text field's content and caret when the event happened (before the key's own effect). */
export interface FieldState {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/** Where an event went: the scan field, another text field (note, dialog), or something else. */
export interface CaptureTarget<T = unknown> {
  ref: T;
  kind: 'scanField' | 'field' | 'other';
  field?: FieldState;
}

export interface CaptureEvent<T = unknown> extends KeyLike {
  type: CaptureEventType;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** a composition's or an input's text (ignored: the keys tell the code) */
  data?: string | null;
  timeStamp: number;
  target: CaptureTarget<T> | null;
}

export type CaptureAction<T = unknown> =
  | { kind: 'preventDefault' }
  | { kind: 'scan'; scan: CapturedScan }
  /** put the field back as it was before the burst (native value setter + 'input', caret kept) */
  | { kind: 'restore'; target: T; field: FieldState }
  /** held keys turned out to be typing: type them into the field at its caret */
  | { kind: 'insert'; target: T; text: string }
  | { kind: 'trace'; trace: ScanTrace };

export interface BurstMachine<T = unknown> {
  feed(event: CaptureEvent<T>): CaptureAction<T>[];
  /** called by a timer (performance.now()) after a held key: gives held keys back to a person who stopped typing */
  tick(now: number): CaptureAction<T>[];
  /** ms after the last held key at which tick() gives the keys back */
  readonly holdMs: number;
  setSettings(settings: ScannerSettings): void;
}

interface Burst<T> {
  chars: string[];
  times: number[];
  lastAt: number;
  target: CaptureTarget<T> | null;
  snapshot: FieldState | null;
  /** keys prevented and not given back yet */
  held: string;
  ime: boolean;
}

interface Tail<T> {
  target: CaptureTarget<T>;
  snapshot: FieldState;
  until: number;
}

/** Keys typed since the last terminator, for the trace. */
interface Sequence {
  raw: string;
  times: number[];
  ime: boolean;
}

const SEQUENCE_CAP = 200;
/** the fast run's key from which keys are held back (1-based): the first two go through */
const HOLD_FROM = 3;

export function createBurstMachine<T = unknown>(
  initial: ScannerSettings,
  wallClock: () => string = () => new Date().toISOString(),
): BurstMachine<T> {
  let settings = initial;
  let burst: Burst<T> | null = null;
  let tail: Tail<T> | null = null;
  let sequence: Sequence = { raw: '', times: [], ime: false };

  const holdMs = () => Math.max(3 * settings.maxGapMs, 150);
  /**
   * How long after a scan an input method's late commit into the field is still taken out again.
   * The next key ends it sooner (a person typing there again is never undone).
   */
  const TAIL_MS = 1000;
  const isField = (t: CaptureTarget<T> | null | undefined): t is CaptureTarget<T> & { field: FieldState } =>
    !!t && t.kind !== 'other' && !!t.field;

  /** the held keys, given back to the field they were meant for; returns what was typed there */
  function release(out: CaptureAction<T>[]): string {
    let typed = '';
    if (burst?.held && isField(burst.target)) {
      typed = burst.held;
      out.push({ kind: 'insert', target: burst.target.ref, text: typed });
    }
    if (burst) burst.held = '';
    return typed;
  }

  /** a field as it is once `typed` went in at its caret (the event was read before that) */
  function withTyped(field: FieldState, typed: string): FieldState {
    if (!typed) return { ...field };
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const caret = start + typed.length;
    return {
      value: field.value.slice(0, start) + typed + field.value.slice(end),
      selectionStart: caret,
      selectionEnd: caret,
    };
  }

  function endsBurst(ev: CaptureEvent<T>): boolean {
    const which = terminatorOf(ev);
    return which !== null && (settings.terminator === 'either' || settings.terminator === which);
  }

  function trace(
    out: CaptureAction<T>[],
    end: number,
    code: string,
    recognized: ScanTrace['recognized'],
    ime: boolean,
  ) {
    if (sequence.raw || code) {
      const times = [...sequence.times, end];
      const gaps = times.slice(1).map((t, i) => Math.round((t - times[i]) * 10) / 10);
      out.push({ kind: 'trace', trace: { raw: sequence.raw, code, gaps, ime: sequence.ime || ime, recognized } });
    }
    sequence = { raw: '', times: [], ime: false };
  }

  function onKey(ev: CaptureEvent<T>, out: CaptureAction<T>[]): void {
    const t = ev.timeStamp;
    if (tail && t > tail.until) tail = null;
    const ime = isImeKey(ev);
    if (ime) sequence.ime = true;

    if (endsBurst(ev)) {
      onTerminator(ev, out);
      return;
    }
    if (isModifierKey(ev)) {
      // Shift around a capital is part of the burst's rhythm, not a break
      if (burst && t - burst.lastAt <= settings.maxGapMs) burst.lastAt = t;
      return;
    }
    const char = ev.ctrlKey || ev.altKey || ev.metaKey ? null : keyChar(ev);
    if (char === null) {
      // Backspace, arrows, shortcuts: a person is editing (also where the last scan was read)
      release(out);
      burst = null;
      tail = null;
      return;
    }
    if (sequence.raw.length < SEQUENCE_CAP) {
      sequence.raw += char;
      sequence.times.push(t);
    }
    let typed = '';
    if (burst && t - burst.lastAt > settings.maxGapMs) {
      const given = release(out);
      if (burst.target?.ref === ev.target?.ref) typed = given;
      burst = null;
    }
    if (!burst) {
      const inherited = tail && ev.target && tail.target.ref === ev.target.ref ? tail.snapshot : null;
      burst = {
        chars: [],
        times: [],
        lastAt: t,
        target: ev.target,
        snapshot: inherited ?? (isField(ev.target) ? withTyped(ev.target.field, typed) : null),
        held: '',
        ime: false,
      };
      tail = null;
    }
    burst.chars.push(char);
    burst.times.push(t);
    burst.lastAt = t;
    if (ime) burst.ime = true;
    if (burst.chars.length >= HOLD_FROM) {
      out.push({ kind: 'preventDefault' });
      // an input method took the key before the page saw it: nothing to give back later
      if (!ime) burst.held += char;
    }
  }

  function onTerminator(ev: CaptureEvent<T>, out: CaptureAction<T>[]): void {
    const t = ev.timeStamp;
    const run = burst;
    burst = null;
    if (run && t - run.lastAt <= settings.maxGapMs && run.chars.length >= settings.minLength) {
      const code = normalizeScan(run.chars.join(''), settings);
      out.push({ kind: 'preventDefault' });
      if (code) {
        const scan: CapturedScan = {
          code,
          source: 'scanner',
          endedAt: t,
          scannedAt: wallClock(),
          keys: run.chars.length,
          spanMs: t - run.times[0],
        };
        out.push({ kind: 'scan', scan });
      }
      if (isField(run.target) && run.snapshot) {
        out.push({ kind: 'restore', target: run.target.ref, field: run.snapshot });
        tail = { target: run.target, snapshot: run.snapshot, until: t + TAIL_MS };
      }
      trace(out, t, code, code ? 'scanner' : null, run.ime);
      return;
    }
    // typing: the held keys go back, then the key does what it does
    let inserted = '';
    if (run?.held && isField(run.target)) {
      inserted = run.held;
      out.push({ kind: 'insert', target: run.target.ref, text: run.held });
    }
    const field = ev.target?.kind === 'scanField' ? ev.target.field : undefined;
    // Enter under an input method commits the composition: not a confirmation yet
    if (field && !isImeKey(ev)) {
      const typed = withTyped(field, run?.target?.ref === ev.target?.ref ? inserted : '').value;
      const code = normalizeScan(typed, settings);
      if (code) {
        out.push({ kind: 'preventDefault' });
        out.push({
          kind: 'scan',
          scan: {
            code,
            source: 'keyboard',
            endedAt: t,
            scannedAt: wallClock(),
            keys: typed.length,
            spanMs: sequence.times.length ? t - sequence.times[0] : 0,
          },
        });
        out.push({
          kind: 'restore',
          target: (ev.target as CaptureTarget<T>).ref,
          field: { value: '', selectionStart: 0, selectionEnd: 0 },
        });
        trace(out, t, code, 'keyboard', false);
        return;
      }
    }
    if (!isImeKey(ev)) trace(out, t, '', null, false);
  }

  function onOther(ev: CaptureEvent<T>, out: CaptureAction<T>[]): void {
    const t = ev.timeStamp;
    if (ev.type.startsWith('composition')) sequence.ime = true;
    if (burst && ev.target?.ref === burst.target?.ref && t >= burst.lastAt && t - burst.lastAt <= settings.maxGapMs) {
      // input events keep a burst alive while they keep coming
      burst.lastAt = t;
      if (ev.type.startsWith('composition')) burst.ime = true;
    }
    if (tail && t > tail.until) tail = null;
    if (tail && ev.target?.ref === tail.target.ref && (ev.type === 'input' || ev.type === 'compositionend')) {
      // an input method committed the burst's keys after the terminator: take them out again
      out.push({ kind: 'restore', target: tail.target.ref, field: tail.snapshot });
      tail.until = Math.max(tail.until, t + settings.maxGapMs);
    }
  }

  return {
    get holdMs() {
      return holdMs();
    },
    feed(ev) {
      const out: CaptureAction<T>[] = [];
      if (ev.type === 'keydown') onKey(ev, out);
      else if (ev.type !== 'keyup') onOther(ev, out);
      return out;
    },
    tick(now) {
      const out: CaptureAction<T>[] = [];
      // only a tentative give-back: the run's timing still decides, and a scan restores the field
      if (burst?.held && now - burst.lastAt > holdMs()) release(out);
      return out;
    },
    setSettings(next) {
      settings = next;
    },
  };
}
