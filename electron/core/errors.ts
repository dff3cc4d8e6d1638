import type { ApiError, ErrorCode, ErrorParams } from './shared/contract-kit';

/** Typed domain error: handlers throw these; the dispatcher turns them into ApiError. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly fields?: Record<string, string>,
    readonly params?: ErrorParams,
  ) {
    super(`${code}: ${messageKey}`);
  }

  toApiError(): ApiError {
    const e: ApiError = { code: this.code, messageKey: this.messageKey };
    if (this.fields) e.fields = this.fields;
    if (this.params) e.params = this.params;
    return e;
  }
}

export const Unauthenticated = () => new DomainError('UNAUTHENTICATED', 'errors.unauthenticated');
export const SessionExpired = () => new DomainError('SESSION_EXPIRED', 'errors.sessionExpired');
export const Forbidden = () => new DomainError('FORBIDDEN', 'errors.forbidden');
export const NotFound = () => new DomainError('NOT_FOUND', 'errors.notFound');
export const Conflict = () => new DomainError('CONFLICT', 'errors.conflict');
export const Invalid = (fields: Record<string, string>) =>
  new DomainError('INVALID_INPUT', 'errors.invalidInput', fields);
export const Duplicate = (field: string, key: string) =>
  new DomainError('DUPLICATE', key, { [field]: key });
