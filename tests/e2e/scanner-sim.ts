import type { CDPSession, Page } from '@playwright/test';

/**
 * A USB barcode scanner in Chromium: it types a code as key events, one character every `gapMs`,
 * then Enter (or Tab), through CDP Input.dispatchKeyEvent, so the page sees real keydown /
 * keypress / input / keyup events. Each event carries the time it was due (`timestamp`), as a
 * scanner's keys carry the time the keyboard sent them: a page that is busy when they arrive still
 * sees the burst's real spacing in `event.timeStamp`. The events are sent without waiting for
 * each answer (CDP keeps their order), so a busy page does not slow the scanner down either.
 *
 * `ime: true` sends them as a Chinese input method that is on turns them into: every key a
 * keyCode 229 / key 'Process' keydown with its `code` (KeyC, Digit0 …), the letters growing in a
 * composition (Input.imeSetComposition: real compositionstart / compositionupdate events), the
 * terminator committing it (Input.insertText: compositionend and the input), then the keyups
 * with the real keys.
 */
export interface ScanOptions {
  /** ms between two characters (4–16 for a scanner) */
  gapMs: number;
  terminator?: 'Enter' | 'Tab';
  /** as a Chinese input method sends the keys */
  ime?: boolean;
  /** uppercase letters with their own Shift keydown / keyup around them (as most scanners do) */
  shiftKeys?: boolean;
}

export interface TypedScan {
  code: string;
  /** wall-clock ms (epoch) the terminator was due: its event's timestamp */
  terminatorAt: number;
  /** wall-clock ms (epoch) the terminator was actually sent to Chromium */
  sentAt: number;
  /** how late the last event was sent after it was due (this process's own lag), ms */
  lagMs: number;
}

interface KeyDef {
  key: string;
  code: string;
  keyCode: number;
  shift: boolean;
}

/** The US-layout key behind a code character (scanners type in the keyboard's layout). */
export function keyOf(ch: string): KeyDef {
  if (/^[0-9]$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), shift: false };
  if (/^[A-Z]$/.test(ch)) return { key: ch, code: `Key${ch}`, keyCode: ch.charCodeAt(0), shift: true };
  if (/^[a-z]$/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, keyCode: ch.toUpperCase().charCodeAt(0), shift: false };
  const punct: Record<string, Omit<KeyDef, 'key'>> = {
    '-': { code: 'Minus', keyCode: 189, shift: false },
    '.': { code: 'Period', keyCode: 190, shift: false },
    '/': { code: 'Slash', keyCode: 191, shift: false },
    '_': { code: 'Minus', keyCode: 189, shift: true },
    ' ': { code: 'Space', keyCode: 32, shift: false },
  };
  const p = punct[ch];
  if (!p) throw new Error(`the simulated scanner has no key for ${JSON.stringify(ch)}`);
  return { key: ch, ...p };
}

const SHIFT = 8;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SimScanner {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<SimScanner> {
    return new SimScanner(await page.context().newCDPSession(page));
  }

  /** Sends one event due at `due` (epoch ms), unawaited; failures surface at the scan's end. */
  private send(method: string, params: Record<string, unknown>, pending: Promise<unknown>[]): void {
    const sent = this.cdp.send(method as 'Input.dispatchKeyEvent', params as never);
    sent.catch(() => {}); // handled where `pending` is awaited; not an unhandled rejection meanwhile
    pending.push(sent);
  }

  private key(type: 'keyDown' | 'rawKeyDown' | 'keyUp', k: KeyDef & { text?: string }, due: number, modifiers: number, pending: Promise<unknown>[]) {
    this.send(
      'Input.dispatchKeyEvent',
      {
        type,
        key: k.key,
        code: k.code,
        windowsVirtualKeyCode: k.keyCode,
        nativeVirtualKeyCode: k.keyCode,
        modifiers,
        timestamp: due / 1000,
        ...(k.text !== undefined ? { text: k.text, unmodifiedText: k.text.toLowerCase() } : {}),
      },
      pending,
    );
  }

  /**
   * Types `code` and the terminator, one character every `gapMs` from now; resolves when Chromium
   * has taken every event (the page may still be handling them).
   */
  async scan(code: string, opts: ScanOptions): Promise<TypedScan> {
    const { typed, delivered } = await this.start(code, opts, Date.now());
    await delivered;
    return typed;
  }

  /**
   * Types `code` from `startAt` (epoch ms; a time already past gives its keys their due times all
   * the same, as a scanner's own clock would) and resolves once the last key was sent, without
   * waiting for Chromium to take them: `delivered` resolves when it has. The next scan may start
   * meanwhile, as the next scan of a real scanner does while the page is busy.
   */
  async start(code: string, opts: ScanOptions, startAt: number): Promise<{ typed: TypedScan; delivered: Promise<void> }> {
    const pending: Promise<unknown>[] = [];
    const term: KeyDef =
      (opts.terminator ?? 'Enter') === 'Enter'
        ? { key: 'Enter', code: 'Enter', keyCode: 13, shift: false }
        : { key: 'Tab', code: 'Tab', keyCode: 9, shift: false };
    const chars = [...code];
    let sentAt = 0;
    for (let i = 0; i <= chars.length; i++) {
      const due = startAt + i * opts.gapMs;
      const ahead = due - Date.now();
      if (ahead > 0) await wait(ahead);
      sentAt = Date.now();
      if (i === chars.length) {
        if (opts.ime) {
          this.key('rawKeyDown', { ...term, key: 'Process', keyCode: 229 }, due, 0, pending);
          // the IME commits what it composed; the terminator itself is not typed
          this.send('Input.insertText', { text: code }, pending);
          this.key('keyUp', term, due, 0, pending);
        } else {
          const text = term.key === 'Enter' ? '\r' : undefined;
          this.key(text ? 'keyDown' : 'rawKeyDown', { ...term, text }, due, 0, pending);
          this.key('keyUp', term, due, 0, pending);
        }
        break;
      }
      const k = keyOf(chars[i]);
      const mods = k.shift ? SHIFT : 0;
      const shift: KeyDef = { key: 'Shift', code: 'ShiftLeft', keyCode: 16, shift: false };
      if (opts.ime) {
        if (k.shift && opts.shiftKeys) this.key('rawKeyDown', { ...shift, key: 'Process', keyCode: 229 }, due, SHIFT, pending);
        this.key('rawKeyDown', { ...k, key: 'Process', keyCode: 229 }, due, mods, pending);
        const composed = chars.slice(0, i + 1).join('');
        this.send('Input.imeSetComposition', { text: composed, selectionStart: composed.length, selectionEnd: composed.length }, pending);
        this.key('keyUp', k, due, mods, pending);
        if (k.shift && opts.shiftKeys) this.key('keyUp', shift, due, 0, pending);
      } else {
        if (k.shift && opts.shiftKeys) this.key('rawKeyDown', shift, due, SHIFT, pending);
        this.key('keyDown', { ...k, text: k.key }, due, mods, pending);
        this.key('keyUp', k, due, mods, pending);
        if (k.shift && opts.shiftKeys) this.key('keyUp', shift, due, 0, pending);
      }
    }
    return {
      typed: { code, terminatorAt: startAt + chars.length * opts.gapMs, sentAt, lagMs: Math.max(0, sentAt - (startAt + chars.length * opts.gapMs)) },
      delivered: Promise.all(pending).then(() => undefined),
    };
  }

  /** A person typing: one key every `gapMs` (≥ 80 ms, slower than any scanner), each awaited. */
  async type(text: string, gapMs = 120): Promise<void> {
    for (const ch of text) {
      const k = keyOf(ch);
      const pending: Promise<unknown>[] = [];
      const now = Date.now();
      this.key('keyDown', { ...k, text: k.key }, now, k.shift ? SHIFT : 0, pending);
      this.key('keyUp', k, now, k.shift ? SHIFT : 0, pending);
      await Promise.all(pending);
      await wait(gapMs);
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
