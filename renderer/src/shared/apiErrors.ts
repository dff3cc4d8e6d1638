import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiCallError, isSessionError } from '../api';
import { changedByText } from './conflictText';
import { translateKey } from './translate';

/** The translated text of any error a call can throw. */
export function errorText(error: unknown): string {
  // a stale save names who changed the record, when and what: times and field names in words
  if (error instanceof ApiCallError && error.messageKey === 'errors.changedBy' && error.params)
    return changedByText(error.params);
  if (error instanceof ApiCallError) return translateKey(error.messageKey, error.params);
  return translateKey('errors.internal');
}

/**
 * Shows a refused call's field errors beside the form's fields. Returns true when every field
 * the core named is on the form (so no extra message is needed).
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  if (!(error instanceof ApiCallError) || !error.fields) return false;
  const entries = Object.entries(error.fields);
  // 'contacts.0.mobile' → ['contacts', 0, 'mobile']: antd's name paths index lists with numbers
  const namePath = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const onForm = entries.filter(([path]) => fieldNames.includes(path.split('.')[0]));
  // a field's message may name the call's params ({{max}}, {{path}}…): the refusal carries them
  form.setFields(onForm.map(([path, key]) => ({ name: namePath(path), errors: [translateKey(key, error.params)] })));
  return onForm.length > 0 && onForm.length === entries.length;
}

/**
 * Reports a failed call: field errors beside the fields when a form is given, otherwise a
 * translated message. Session errors are skipped (the app already returned to sign-in).
 */
export function useReportError() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance, fieldNames?: readonly string[]) => {
      if (isSessionError(error)) return;
      if (form && fieldNames && showFieldErrors(form, error, fieldNames)) return;
      void message.error(errorText(error));
    },
    [message],
  );
}
