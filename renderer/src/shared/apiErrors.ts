import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isSessionError } from '../api';
import { errorText, fieldErrorKeys, fieldErrorText } from './errorText';

export { errorText } from './errorText';

/**
 * Shows a refused call's field errors beside the form's fields. Returns true when every field
 * the core named is on the form (so no extra message is needed).
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): boolean {
  const { onForm, all } = fieldErrorKeys(error, fieldNames);
  if (onForm.length === 0) return false;
  // 'contacts.0.mobile' → ['contacts', 0, 'mobile']: antd's name paths index lists with numbers
  const namePath = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  form.setFields(onForm.map(([path, key]) => ({ name: namePath(path), errors: [fieldErrorText(error, key)] })));
  return all;
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
