/**
 * Safe normalisation of typed or pasted text: NFKC turns full-width letters, digits and
 * punctuation into half-width (Ａ１２ → A12, 　 → space); runs of whitespace collapse; ends trimmed.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
