import type { FormInstance } from 'antd';
import { translateKey } from '../../../shared/translate';
import { formPath } from './formValues';

/**
 * Puts a refused save's field errors (`contacts.0.mobile` → ['contacts', 0, 'mobile']) beside the
 * form's fields. Returns the errors that have no field on the form (shown as a message instead).
 */
export function applyFieldErrors(
  form: FormInstance,
  errors: Record<string, string>,
): { shown: number; leftover: string[] } {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const leftover: string[] = [];
  for (const [path, key] of Object.entries(errors)) {
    const name = formPath(path.split('.'));
    const text = translateKey(key);
    if (onForm(form, name)) fields.push({ name, errors: [text] });
    else leftover.push(text);
  }
  form.setFields(fields);
  return { shown: fields.length, leftover };
}

/** Whether a Form.Item with this name path is on the form (registered fields list their errors). */
function onForm(form: FormInstance, name: (string | number)[]): boolean {
  return form
    .getFieldsError()
    .some((f) => f.name.length === name.length && f.name.every((part, i) => part === name[i]));
}

/** Scrolls to the first field with an error. */
export function scrollToFirstError(form: FormInstance): void {
  const first = form.getFieldsError().find((f) => f.errors.length > 0);
  if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
}
