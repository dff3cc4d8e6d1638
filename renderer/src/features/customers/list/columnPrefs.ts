/** Column keys of the customer list, in display order. */
export const COLUMN_KEYS = [
  'code',
  'name',
  'status',
  'shortName',
  'mnemonic',
  'nature',
  'category',
  'industry',
  'region',
  'creditRating',
  'contactName',
  'mobile',
  'phone',
  'taxId',
  'creditLimit',
  'salesperson',
  'contractEndDate',
  'statusReason',
  'statusChangedAt',
  'updatedAt',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Shown until the user chooses otherwise (they fit a 1366-pixel-wide window without scrolling). */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'code',
  'name',
  'status',
  'category',
  'contactName',
  'mobile',
  'taxId',
  'salesperson',
];

/** Always shown (a row must say which customer it is). */
export const FIXED_COLUMNS: readonly ColumnKey[] = ['code', 'name'];

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
