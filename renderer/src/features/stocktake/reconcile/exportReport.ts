import i18n from 'i18next';
import { REPORT_EXPORT_TEXTS } from '../../../../../electron/core/stocktake/shared/report-export';
import { call } from '../../../api';
import { downloadFile } from '../../import/fileTransfer';

/** The text tree the report's .xlsx is written with (the core part's `export`: sheets, columns, values). */
const TEXT_ROOTS = ['stocktake.export'] as const;
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

/**
 * The report's texts in the language shown, as stored ({{no}} left for the core to fill), for the
 * keys the core asks for (REPORT_EXPORT_TEXTS; it writes Chinese for any left out).
 */
export function reportTexts(): Record<string, string> {
  const texts = flattenTexts(TEXT_ROOTS, (root) => i18n.getResource(i18n.language, 'translation', root));
  return Object.fromEntries(Object.entries(texts).filter(([key]) => key in REPORT_EXPORT_TEXTS));
}

/** stocktake.export in the user's language, then the file downloaded like every other file. */
export async function exportReport(id: number): Promise<{ rows: number }> {
  const file = await call('stocktake.export', { id, texts: reportTexts() });
  await downloadFile(file);
  return { rows: file.rows };
}
