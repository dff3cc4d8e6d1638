import type { FormInstance } from 'antd';
import i18n from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { normalizeTaxId } from '../../../../../electron/core/customers/shared/customer.rules';
import type { DuplicateMatch } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { type CustomerFormValues, phonesOf } from './formValues';

const CHECK_DELAY_MS = 300;

/** The message beside the tax ID when another customer (active or not) already has it. */
export function taxIdTakenText(match: Pick<DuplicateMatch, 'code' | 'name' | 'status'>): string {
  return i18n.t('customers.errors.taxIdTaken', {
    code: match.code,
    name: match.name,
    // the raw state: the message translates it itself ($t(customers.status.{{status}})), as for the core's params
    status: match.status,
  });
}

/** What the form holds that a duplicate check can use (null when there is nothing to check). */
function checkInput(values: CustomerFormValues, excludeId?: number) {
  const name = (values.name ?? '').trim().slice(0, 100);
  const taxId = normalizeTaxId(values.taxId ?? '');
  const phones = phonesOf(values).slice(0, 50);
  const validTaxId = /^[0-9A-Z]{1,30}$/.test(taxId) ? taxId : undefined;
  if (!name && !validTaxId && phones.length === 0) return null;
  return { excludeId, name: name || undefined, taxId: validTaxId, phones: phones.length ? phones : undefined };
}

/**
 * Possible duplicates of the record being typed: checked when the name, tax ID or a phone loses
 * focus (debounced) and again before saving. A tax-ID match is put beside the tax ID field.
 */
export function useDuplicates(form: FormInstance<CustomerFormValues>, excludeId?: number) {
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  const check = useCallback(async (): Promise<DuplicateMatch[]> => {
    const input = checkInput(form.getFieldsValue(true), excludeId);
    const n = ++latest.current;
    if (!input) {
      setMatches([]);
      return [];
    }
    const result = (await call('customer.checkDuplicates', input)).matches;
    if (n === latest.current) {
      setMatches(result);
      const taken = result.find((m) => m.reason === 'taxId');
      if (taken) form.setFields([{ name: 'taxId', errors: [taxIdTakenText(taken)] }]);
    }
    return result;
  }, [form, excludeId]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void check().catch(() => undefined), CHECK_DELAY_MS);
  }, [check]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { matches, check, schedule };
}
