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

  /** The same refusal again, from its wire shape (a worker thread sends it back as plain data). */
  static fromApi(e: ApiError): DomainError {
    return new DomainError(e.code, e.messageKey, e.fields, e.params);
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
export const Duplicate = (field: string, key: string, params?: ErrorParams) =>
  new DomainError('DUPLICATE', key, { [field]: key }, params);

/** The call as a whole refused for a named reason: its code, its message, the values the message names. */
export const Refused = (code: ErrorCode, messageKey: string, params?: ErrorParams) =>
  new DomainError(code, messageKey, undefined, params);

/** Bad input in one field (or several with the same reason): the message heads the form and sits beside each field. */
export const InvalidField = (field: string | readonly string[], messageKey: string, params?: ErrorParams) =>
  new DomainError(
    'INVALID_INPUT',
    messageKey,
    Object.fromEntries((typeof field === 'string' ? [field] : field).map((f) => [f, messageKey])),
    params,
  );

/** A refusal pinned to fields with a code of its own (a conflict, a check to confirm): field path → message key. */
export const FieldRefused = (
  code: ErrorCode,
  messageKey: string,
  fields: Record<string, string>,
  params?: ErrorParams,
) => new DomainError(code, messageKey, fields, params);
