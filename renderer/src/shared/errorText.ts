import { ApiCallError } from '../api';
import { changedByText } from './conflictText';
import { translateKey } from './translate';

// Without antd (unlike apiErrors.ts): the sign-in screen's first chunk uses these.

/** The translated text of any error a call can throw. */
export function errorText(error: unknown): string {
  // a stale save names who changed the record, when and what: times and field names in words
  if (error instanceof ApiCallError && error.messageKey === 'errors.changedBy' && error.params)
    return changedByText(error.params);
  if (error instanceof ApiCallError) return translateKey(error.messageKey, error.params);
  return translateKey('errors.internal');
}

/**
 * A refused call's field errors (field path → i18n key) for the fields a form has, and whether
 * those are all the core named (so no extra message is needed).
 */
export function fieldErrorKeys(error: unknown, fieldNames: readonly string[]): { onForm: [string, string][]; all: boolean } {
  if (!(error instanceof ApiCallError) || !error.fields) return { onForm: [], all: false };
  const entries = Object.entries(error.fields);
  const onForm = entries.filter(([path]) => fieldNames.includes(path.split('.')[0]));
  return { onForm, all: onForm.length > 0 && onForm.length === entries.length };
}

/** One field error's text: its message may name the refusal's params ({{max}}, {{path}}…). */
export function fieldErrorText(error: unknown, key: string): string {
  return translateKey(key, error instanceof ApiCallError ? error.params : undefined);
}
