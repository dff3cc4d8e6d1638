import { z } from 'zod';
import { InvalidField } from '../../errors';
import { SORT_FIELDS } from '../shared/customers.contract';

/**
 * The opaque `after` / `next` of customer.search. Browsing continues from the last row's sort key
 * and id (keyset: a seek in the sort's index, whatever the depth); a search pages within its
 * window of at most SEARCH_CAP ids, so its cursor is simply the position in that window.
 */
export type Cursor =
  | { kind: 'key'; field: (typeof SORT_FIELDS)[number]; order: 'asc' | 'desc'; value: string; id: number }
  | { kind: 'at'; offset: number };

const cursorSchema = z.union([
  z.tuple([z.literal('k'), z.enum(SORT_FIELDS), z.enum(['asc', 'desc']), z.string(), z.number().int()]),
  z.tuple([z.literal('o'), z.number().int().min(0).max(10_000_000)]),
]);

export function encodeCursor(c: Cursor): string {
  const tuple = c.kind === 'key' ? ['k', c.field, c.order, c.value, c.id] : ['o', c.offset];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

const bad = () => InvalidField('after', 'customers.errors.badCursor');

/** The cursor a client sent back; anything not made by encodeCursor is refused as invalid input. */
export function decodeCursor(text: string): Cursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw bad();
  const t = parsed.data;
  return t[0] === 'k' ? { kind: 'key', field: t[1], order: t[2], value: t[3], id: t[4] } : { kind: 'at', offset: t[1] };
}

/** A cursor of the wrong kind for the call (a search's for browsing, another sort's): refused. */
export const cursorMismatch = bad;
