import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useReportError } from './apiErrors';

/**
 * The submit of a form that calls the core: validate the fields, run `action`, and show a refused
 * call's field errors beside the named fields (other errors as a message). `busy` while it runs.
 */
export function useFormSubmit<V>(form: FormInstance<V>, fields: readonly string[], action: (values: V) => Promise<void>) {
  const reportError = useReportError();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await action(values);
    } catch (error) {
      reportError(error, form, fields);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
