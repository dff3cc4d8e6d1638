import type { CaptureTarget, FieldState } from './burst';

/** input types that hold text and a caret (number, date… have no selection API) */
const TEXT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', '']);

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export function asTextField(node: EventTarget | null): TextField | null {
  if (node instanceof HTMLTextAreaElement) return node;
  if (node instanceof HTMLInputElement && TEXT_TYPES.has(node.type)) return node;
  return null;
}

function fieldState(el: TextField): FieldState {
  return { value: el.value, selectionStart: el.selectionStart, selectionEnd: el.selectionEnd };
}

/** The capture's view of an event's target. */
export function describeTarget(
  node: EventTarget | null,
  scanField: HTMLInputElement | null,
): CaptureTarget<EventTarget> | null {
  if (!node) return null;
  const el = asTextField(node);
  if (!el) return { ref: node, kind: 'other' };
  return { ref: node, kind: el === scanField ? 'scanField' : 'field', field: fieldState(el) };
}

/**
 * Sets a field's value the way React notices: through the prototype's native setter (React's own
 * value tracker would swallow a plain assignment) and an 'input' event; then puts the caret back.
 */
export function setFieldValue(el: TextField, value: string, caret: { start: number | null; end: number | null }): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret.start !== null && document.activeElement === el) {
    const start = Math.min(caret.start, value.length);
    el.setSelectionRange(start, Math.min(caret.end ?? start, value.length));
  }
}

/** Types text at the field's caret (held keys given back to a person who was typing). */
export function insertAtCaret(el: TextField, text: string): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const caret = start + text.length;
  setFieldValue(el, el.value.slice(0, start) + text + el.value.slice(end), { start: caret, end: caret });
}
