import type { z } from 'zod';
import type { Permission } from './permissions';

/**
 * Who may call a channel. `public`: anyone (setup, login, status); `session`: any signed-in
 * user; otherwise the named permission is required. Contract-side: data and types only.
 */
export type Access = 'public' | 'session' | { permission: Permission };

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** changes the database: waits while a long writer (an import) holds the write lock */
  writes?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'POSSIBLE_DUPLICATE',
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
  params?: Record<string, string | number>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
