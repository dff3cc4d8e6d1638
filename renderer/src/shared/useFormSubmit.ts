import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useReportError } from './apiErrors';
import { validateForm } from './validateForm';

/** What a form's submit does with the checked values (throws the core's refusal). */
export type SubmitAction<V> = (values: V) => Promise<void>;
/** Called after a refusal that was reported. */
export type AfterRefusal = (error: unknown) => void | Promise<void>;

interface SubmitOptions {
  /** a refusal the caller shows itself (true: handled, nothing else is reported) */
  handle?: (error: unknown) => boolean;
  /** after a refusal that was reported */
  onFailed?: AfterRefusal;
}

/**
 * The submit of a form that calls the core: validate the fields, run `action`, and show a refused
 * call's field errors beside the named fields (other errors as a message). `busy` while it runs.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  fields: readonly string[],
  action: SubmitAction<V>,
  { handle, onFailed }: SubmitOptions = {},
) {
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await validateForm(form);
    if (!values) return;
    setBusy(true);
    try {
      await action(values);
    } catch (error) {
      if (!handle?.(error)) {
        reportError(error, form, fields);
        await onFailed?.(error);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
