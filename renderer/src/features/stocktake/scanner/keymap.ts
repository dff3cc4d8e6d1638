/**
 * Characters from physical keys, for the keys whose `key` says nothing: under a Chinese input
 * method Chrome reports the scanner's keys as keyCode 229 with key 'Process' or 'Unidentified',
 * but `code` still names the physical key. USB scanners emulate a US keyboard, so the US layout
 * (with Shift) rebuilds the character the scanner meant.
 */

const SHIFTED_DIGITS = ')!@#$%^&*(';

/** code → [unshifted, shifted] for the punctuation keys of a US keyboard */
const PUNCTUATION: Record<string, readonly [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Slash: ['/', '?'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
};

/** the numeric keypad types the same with or without Shift (NumLock on, as scanners send it) */
const NUMPAD: Record<string, string> = {
  NumpadDecimal: '.',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadMultiply: '*',
  NumpadDivide: '/',
};

/** The character a key types on a US layout, from its `code` and Shift; null for a key that types none. */
export function charFromCode(code: string, shift: boolean): string | null {
  if (/^Key[A-Z]$/.test(code)) {
    const letter = code.slice(3);
    return shift ? letter : letter.toLowerCase();
  }
  if (/^Digit[0-9]$/.test(code)) {
    const digit = Number(code.slice(5));
    return shift ? SHIFTED_DIGITS[digit] : String(digit);
  }
  if (/^Numpad[0-9]$/.test(code)) return code.slice(6);
  if (code in NUMPAD) return NUMPAD[code];
  const pair = PUNCTUATION[code];
  return pair ? pair[shift ? 1 : 0] : null;
}

/** What a keydown tells about its key. */
export interface KeyLike {
  key?: string;
  code?: string;
  keyCode?: number;
  shiftKey?: boolean;
  isComposing?: boolean;
}

/** keyCode 229 / 'Process' / 'Unidentified' or a key pressed during a composition: an input method took it. */
export function isImeKey(ev: KeyLike): boolean {
  return ev.keyCode === 229 || ev.key === 'Process' || ev.key === 'Unidentified' || ev.isComposing === true;
}

/**
 * The character a keydown types, or null (Shift, arrows, Enter…). The key's own `key` when it is
 * one character and no input method intervened; otherwise rebuilt from `code` + Shift.
 */
export function keyChar(ev: KeyLike): string | null {
  if (!isImeKey(ev) && typeof ev.key === 'string' && [...ev.key].length === 1) return ev.key;
  return ev.code ? charFromCode(ev.code, ev.shiftKey === true) : null;
}

/** A modifier on its own (a scanner presses Shift around capitals): neither a character nor a break. */
export function isModifierKey(ev: KeyLike): boolean {
  return (
    ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'NumLock'].includes(ev.key ?? '') ||
    /^(Shift|Control|Alt|Meta)(Left|Right)$/.test(ev.code ?? '')
  );
}

/** Enter or Tab, also as an input method reports it (keyCode 229 with code 'Enter'). */
export function terminatorOf(ev: KeyLike): 'enter' | 'tab' | null {
  if (ev.key === 'Enter' || ev.code === 'Enter' || ev.code === 'NumpadEnter' || ev.keyCode === 13) return 'enter';
  if (ev.key === 'Tab' || ev.code === 'Tab' || ev.keyCode === 9) return 'tab';
  return null;
}
