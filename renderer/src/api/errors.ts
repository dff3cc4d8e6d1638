import type { ApiError, ErrorCode, ErrorParams } from '../../../electron/core/shared/contract-kit';

/** A refused call: the core's error code, its i18n key, per-field keys and message params. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly fields?: Record<string, string>;
  readonly params?: ErrorParams;

  constructor(error: ApiError) {
    super(`${error.code}: ${error.messageKey}`);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.messageKey = error.messageKey;
    this.fields = error.fields;
    this.params = error.params;
  }
}

/** Errors the client already handled by returning to the login screen. */
export function isSessionError(error: unknown): boolean {
  return error instanceof ApiCallError && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED');
}
