import {
  DEFAULT_LIST_COLUMN_KEYS,
  FIXED_LIST_COLUMN_KEYS,
  LIST_COLUMN_KEYS,
  type ListColumnKey,
} from '../../../../../electron/core/customers/shared/fields';

/** Column keys of the customer list, in display order (the field registry's `list` entries). */
export const COLUMN_KEYS: readonly ListColumnKey[] = LIST_COLUMN_KEYS;
export type ColumnKey = ListColumnKey;

/** Shown until the user chooses otherwise (they fit a 1366-pixel-wide window without scrolling). */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = DEFAULT_LIST_COLUMN_KEYS;

/** Always shown (a row must say which customer it is). */
export const FIXED_COLUMNS: readonly ColumnKey[] = FIXED_LIST_COLUMN_KEYS;

const STORAGE_KEY = 'kh.customers.columns';

function isColumnKey(value: unknown): value is ColumnKey {
  return typeof value === 'string' && (COLUMN_KEYS as readonly string[]).includes(value);
}

/** The user's visible columns on this machine (defaults if none saved or unreadable). */
export function readColumns(): ColumnKey[] {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(raw)) {
      const keys = raw.filter(isColumnKey);
      return COLUMN_KEYS.filter((k) => keys.includes(k) || FIXED_COLUMNS.includes(k));
    }
  } catch {
    // unreadable: defaults
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(keys: readonly ColumnKey[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  } catch {
    // storage unavailable: the choice lasts for this window only
  }
}
