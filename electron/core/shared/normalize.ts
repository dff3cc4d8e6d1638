/**
 * Safe normalisation of typed or pasted text: NFKC turns full-width letters, digits and
 * punctuation into half-width (Ａ１２ → A12, 　 → space); runs of whitespace collapse; ends trimmed.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

// Full-width forms that are never meant as Chinese punctuation: letters, digits and a few symbols.
const FOLDABLE =
  /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF3F\uFF0D\uFF0E\uFF0B\uFF0F\uFF03\uFF05\uFF06\uFF1D]/g;

/**
 * Normalisation for prose (names, addresses, memos): full-width letters and digits become
 * half-width (ＡＢＣ１２３ → ABC123) and the ideographic space a space, but Chinese punctuation
 * stays as written (，。：；（）【】), so 腾讯科技（深圳）有限公司 keeps its brackets.
 */
export function normalizeProse(value: string): string {
  return value
    .replace(FOLDABLE, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Normalisation for multi-line prose (memos, notes typed in a text area): as normalizeProse on
 * each line, but line breaks stay (CR LF and CR become LF; more than one empty line in a row
 * becomes one; empty lines at both ends go), so a memo written on three lines reads back on three.
 */
export function normalizeMultiline(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeProse)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/*
 * What text input accepts — the one rule, applied by the dispatcher to every string of every
 * channel's input (object keys too) and by the shared text schemas (forms, import rows).
 *
 * Refused, because they make stored text differ from what a person sees or typed:
 * - C0/C1 control characters (NUL, ESC, DEL, U+0080–009F ...): invisible, and NUL ends strings in
 *   SQLite's FTS query parser and in C code. Tab, LF and CR stay allowed: they are whitespace that
 *   every field's normaliser folds (one-line fields) or keeps (a future multi-line field).
 * - Format characters (Unicode category Cf): bidi controls (U+202A–202E, U+2066–2069, U+200E/F,
 *   U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF), soft hyphen, tags. They let a
 *   name look like another ("admin\u202Enimda", "张\u200B三") in lists and the operation log.
 * - Lone surrogates (half of a UTF-16 pair): not text; SQLite would store invalid UTF-8 and read
 *   back something other than what was acknowledged.
 * Full-width folding and whitespace collapsing stay with normalizeText / normalizeProse.
 */
const CONTROL_CHARS = /(?![\t\n\r])\p{Cc}/u;
const FORMAT_CHARS = /\p{Cf}/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** The i18n key saying why `value` is refused as text input, or null when it is acceptable. */
export function refusedTextKey(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'errors.textBrokenChars';
  if (CONTROL_CHARS.test(value)) return 'errors.textControlChars';
  if (FORMAT_CHARS.test(value)) return 'errors.textInvisibleChars';
  return null;
}

/**
 * Every string in a raw input (values and object keys, at any depth) checked with refusedTextKey:
 * { 'dot.path': key } of the refused ones ('_' for the root), or null when all are acceptable.
 * Iterative, so hostile nesting cannot overflow the stack; each object is walked once, so a
 * cyclic input (IPC's structured clone carries cycles) cannot hang the main process.
 */
export function refusedTextFields(input: unknown): Record<string, string> | null {
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (n: Node) => {
    const parts: string[] = [];
    for (let x: Node | null = n; x?.parent; x = x.parent) parts.push(x.key);
    return parts.reverse().join('.') || '_';
  };
  const fields: Record<string, string> = {};
  const note = (n: Node, text: string) => {
    const why = refusedTextKey(text);
    const at = why && pathOf(n);
    if (at && !fields[at]) fields[at] = why;
  };
  const stack: Node[] = [{ value: input, key: '', parent: null }];
  const seen = new WeakSet<object>();
  while (stack.length) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (typeof value === 'string') {
      note(node, value);
      continue;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: node });
    } else {
      for (const [k, v] of Object.entries(value)) {
        const child = { value: v, key: k, parent: node };
        note(child, k);
        stack.push(child);
      }
    }
  }
  return Object.keys(fields).length ? fields : null;
}
