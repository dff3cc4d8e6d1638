import { Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api';
import type { CustomerFormValues } from './formValues';

const PINYIN_DELAY_MS = 200;

/**
 * 助记码 follows the name as it is typed (pinyin initials from the core, which knows polyphones
 * and surnames) until the user types or picks one; every plausible reading is offered as a quick pick.
 * When editing, a stored code that differs from the generated one counts as the user's choice.
 */
export function useMnemonic(form: FormInstance<CustomerFormValues>, editing: boolean) {
  const name = Form.useWatch('name', form);
  const nature = Form.useWatch('nature', form);
  const [readings, setReadings] = useState<string[]>([]);
  const edited = useRef(false);
  const generated = useRef<string | null>(null);
  const firstAnswer = useRef(editing);

  useEffect(() => {
    const text = (name ?? '').trim().slice(0, 100);
    if (!text) {
      setReadings([]);
      generated.current = null;
      if (!edited.current && !firstAnswer.current) form.setFieldValue('mnemonic', '');
      return;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const result = await call('customer.pinyin', { name: text, nature: nature ?? undefined });
        if (stale) return;
        setReadings(result.readings);
        generated.current = result.mnemonic;
        if (firstAnswer.current) {
          // editing: keep what was stored; it is the user's own unless it is what we would generate
          firstAnswer.current = false;
          const stored = (form.getFieldValue('mnemonic') ?? '') as string;
          edited.current = stored !== '' && stored !== result.mnemonic;
          return;
        }
        if (!edited.current) form.setFieldValue('mnemonic', result.mnemonic);
      } catch {
        // no suggestion; the field stays editable
      }
    }, PINYIN_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [name, nature, form]);

  /** The user typed in the field: it is theirs unless emptied (then generation resumes). */
  const onTyped = useCallback((value: string) => {
    const v = value.trim().toUpperCase();
    edited.current = v !== '' && v !== generated.current;
  }, []);

  /** The user picked one of the offered readings. */
  const onPick = useCallback(
    (reading: string) => {
      form.setFieldValue('mnemonic', reading);
      void form.validateFields(['mnemonic']).catch(() => undefined);
      edited.current = reading !== generated.current;
    },
    [form],
  );

  return { readings, onTyped, onPick };
}
