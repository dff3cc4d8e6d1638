import type { ScannerSettings } from './types';

/** NFKC (full-width → half-width), without whitespace or control characters (a GS1 separator, a stray CR). */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{Cc}\p{Cf}]+/gu, '');
}

/**
 * The code a scanner (or a person) gave, as the app keeps it: NFKC, the configured prefix and
 * suffix stripped (each compared after the same normalisation, so a full-width prefix matches),
 * no whitespace. The core upper-cases it when it stores the scan.
 */
export function normalizeScan(raw: string, settings: Pick<ScannerSettings, 'prefix' | 'suffix'>): string {
  let code = clean(raw);
  const prefix = clean(settings.prefix);
  const suffix = clean(settings.suffix);
  if (prefix && code.startsWith(prefix)) code = code.slice(prefix.length);
  if (suffix && code.endsWith(suffix) && code.length > suffix.length) code = code.slice(0, -suffix.length);
  return code;
}
