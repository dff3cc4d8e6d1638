import i18n from 'i18next';
import { call } from '../../../api';
import { downloadFile } from '../../import/fileTransfer';

/** The text trees the report's .xlsx is written with: sheet and column titles, states, evidence. */
const TEXT_ROOTS = ['stocktake.reconcile', 'customers.status'] as const;
/** Parts of the page's texts that never appear in the file (kept out of the 500-key limit). */
const LEFT_OUT = /^stocktake\.reconcile\.(hints|adjust|printPage|corrections\.(changed|apply|reject))/;
export const MAX_TEXTS = 500;

/**
 * The texts of `roots` (nested objects of i18n resources) as flat key → text, keys spelt as the
 * renderer's t() takes them ('stocktake.reconcile.sections.missing'); the core falls back to the
 * key for any it is not given.
 */
export function flattenTexts(
  roots: readonly string[],
  resource: (root: string) => unknown,
  leaveOut?: RegExp,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') {
      if (!leaveOut?.test(prefix) && Object.keys(out).length < MAX_TEXTS) out[prefix] = value.slice(0, 500);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    }
  };
  for (const root of roots) walk(root, resource(root));
  return out;
}

/** The report's texts in the language shown. */
export function reportTexts(): Record<string, string> {
  return flattenTexts(TEXT_ROOTS, (root) => i18n.getResource(i18n.language, 'translation', root), LEFT_OUT);
}

/** stocktake.export in the user's language, then the file downloaded like every other file. */
export async function exportReport(id: number): Promise<{ rows: number }> {
  const file = await call('stocktake.export', { id, texts: reportTexts() });
  await downloadFile(file);
  return { rows: file.rows };
}
