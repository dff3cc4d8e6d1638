/**
 * Safe normalisation of typed or pasted text: NFKC turns full-width letters, digits and
 * punctuation into half-width (Ａ１２ → A12, 　 → space); runs of whitespace collapse; ends trimmed.
 */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

// Full-width forms that are never meant as Chinese punctuation: letters, digits and a few symbols.
const FOLDABLE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF3F\uFF0D\uFF0E\uFF0B\uFF0F\uFF03\uFF05\uFF06\uFF1D]/g;

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
