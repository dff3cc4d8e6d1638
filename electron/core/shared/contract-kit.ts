import { z } from 'zod';
import { refusedTextKey } from './normalize';
import type { Permission } from './permissions';

/**
 * Who may call a channel. `public`: anyone (setup, login, status); `session`: any signed-in
 * user; otherwise the named permission is required. Contract-side: data and types only.
 */
type Access = 'public' | 'session' | { permission: Permission };

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** changes the database: waits while a long writer (an import) holds the write lock */
  writes?: boolean;
  /**
   * only on the PC that holds the archive (its window, its loopback host), never from a paired
   * device: the channel names files on that PC (backups, restores, their folders)
   */
  thisPcOnly?: true;
  /**
   * a resend is recognised by the channel itself (stocktake.scan's client id answers `replayed`
   * with the stored scan): the dispatcher's request-key check (errors.alreadyDone) is not applied
   */
  replaySafe?: true;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

// ── shared field rules ──────────────────────────────────────────────────────────────────────

/**
 * Text fields refuse control, invisible-format and broken characters (the rule and why:
 * refusedTextKey in normalize.ts). The dispatcher already refuses them anywhere in a call's input;
 * shared text schemas add this so forms and import rows show the same field error.
 */
export function refuseHiddenChars(value: string, ctx: z.RefinementCtx): void {
  const key = refusedTextKey(value);
  if (key) ctx.addIssue({ code: 'custom', message: key });
}

/**
 * Ranges of numbers in inputs. zod's .int() already means a safe integer, so ids and versions
 * (.int().positive()) need nothing more. Page sizes stay with each channel (the UI asks for at
 * most 200 rows a page; list limits are 500, import issue pages 1000).
 */
export const LIMITS = {
  /** page numbers: 1e6 pages of the largest page size is beyond any archive this app holds */
  page: 1_000_000,
  /** row offsets */
  offset: 100_000_000,
  /** `sort` of managed-list items */
  sort: 1_000_000,
} as const;
export const pageField = () => z.number().int().min(1, 'validation.range').max(LIMITS.page, 'validation.range');
export const offsetField = () => z.number().int().min(0, 'validation.range').max(LIMITS.offset, 'validation.range');

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'POSSIBLE_DUPLICATE',
  /** a USCC with the right shape but a wrong check character (pilot-era): saved only when confirmed */
  'TAX_ID_CHECKSUM',
  /** the customer is frozen (冻结): no new transaction is created or approved */
  'CUSTOMER_FROZEN',
  /** the customer is deactivated (已停用): no new transaction of any kind */
  'CUSTOMER_DEACTIVATED',
  /** the state change does not apply to the customer's current state */
  'INVALID_TRANSITION',
  /** open items exist and were not acknowledged */
  'OPEN_ITEMS',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SETUP_ALREADY_DONE',
  'LAST_ADMIN',
  'UNKNOWN_CHANNEL',
  /** the disk holding the data is full: the transaction was rolled back, nothing was saved */
  'DISK_FULL',
  /** the data folder or database file cannot be written (read-only folder, disk or permissions) */
  'DATA_READONLY',
  /** the database file is damaged: the app changes nothing in it */
  'DB_CORRUPT',
  /** the data could not be opened at start for another reason (the fault page shows SQLite's words) */
  'DATA_OPEN_FAILED',
  /** another program holds the database file locked for longer than SQLite waits: nothing was saved, try again */
  'DATA_BUSY',
  /** the disk or storage device reported an error reading or writing the data: nothing was saved, try again */
  'IO_ERROR',
  /** the request itself is unusable (malformed JSON, wrong content type, too large, foreign origin) */
  'BAD_REQUEST',
  /**
   * a change sent again (the same X-Request-Key, after the connection dropped) that the server has
   * already made, or is making: it is not made twice
   */
  'ALREADY_DONE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a refused call returns: no stack, no SQL, only a code and i18n keys. */
export interface ApiError {
  code: ErrorCode;
  messageKey: string;
  /** field path (dot-joined) → i18n key */
  fields?: Record<string, string>;
  /** values the message interpolates (e.g. minutes until unlock) */
  params?: ErrorParams;
}

/** An error's message values; a list travels as an array (its items may hold any character, commas too). */
export type ErrorParams = Record<string, string | number | string[]>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
