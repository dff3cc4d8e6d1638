import type { FormInstance, FormRule } from 'antd';
import i18n from 'i18next';
import type { z } from 'zod';
import { normalizeTaxId, taxIdIsUscc, usccProblem } from '../../../../../electron/core/customers/shared/customer.rules';
import { yuanToCents } from '../../../../../electron/core/shared/money';
import {
  customerFieldsSchema,
  isForeign,
  usccChecksumWarning,
} from '../../../../../electron/core/customers/shared/customers.contract';
import { issueMessage } from '../../../shared/zodRule';
import type { CustomerFormValues } from './formValues';

/** A zod issue's text: the feature's own keys (customers.validation.*) as well as the shared ones. */
export function issueText(issue: z.ZodError['issues'][number]): string {
  return i18n.exists(issue.message) ? i18n.t(issue.message) : issueMessage(issue);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * An antd rule validating a field with the contract's zod schema (as shared/zodRule does, but
 * also translating the customers.validation.* messages). Blank optional fields pass.
 */
export function fieldRule(schema: z.ZodType, options: { required?: boolean } = {}): FormRule {
  return { validator: async (_rule, value: unknown) => checkField(schema, value, options) };
}

/** Throws the translated error of a value the schema refuses (blank fails only when required). */
export function checkField(schema: z.ZodType, value: unknown, options: { required?: boolean } = {}): void {
  const blank = isBlank(value);
  if (blank && options.required) throw new Error(i18n.t('validation.required'));
  const result = schema.safeParse(blank ? undefined : value);
  if (!result.success) throw new Error(issueText(result.error.issues[0]));
}

/** The tax ID as the core will see it, with the nature and registered addresses it is judged by. */
function taxIdFacts(form: FormInstance<CustomerFormValues>, value: unknown) {
  const addresses: NonNullable<CustomerFormValues['addresses']> = form.getFieldValue('addresses') ?? [];
  return {
    taxId: normalizeTaxId(String(value)),
    nature: (form.getFieldValue('nature') as string | undefined) ?? 'enterprise',
    addresses: addresses.map((a) => ({ kind: a?.kind ?? '', country: a?.country || 'CN' })),
  };
}

/**
 * 统一社会信用代码 / 税号: as the core's refinement — an 18-character code and a Chinese
 * organisation's code must have the USCC's shape; individuals and foreign customers may use other
 * formats. A wrong check character alone is not an error (see taxIdChecksumRule).
 */
export function taxIdRule(form: FormInstance<CustomerFormValues>): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      const shape = customerFieldsSchema.shape.taxId.safeParse(value);
      if (!shape.success) throw new Error(issueText(shape.error.issues[0]));
      const f = taxIdFacts(form, value);
      if (taxIdIsUscc(f.taxId, f.nature, isForeign(f.addresses)) && usccProblem(f.taxId) === 'format') {
        throw new Error(i18n.t('customers.validation.uscc'));
      }
    },
  };
}

/** The warning beside the field for a USCC whose check character is wrong (pilot-era codes): saving asks. */
export function taxIdChecksumRule(form: FormInstance<CustomerFormValues>): FormRule {
  return {
    warningOnly: true,
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      if (usccChecksumWarning(taxIdFacts(form, value))) throw new Error(i18n.t('customers.form.taxIdChecksumHint'));
    },
  };
}

/** 信用额度 (yuan, 2 decimals) → cents, checked with the contract's cents schema. */
export const creditLimitRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (isBlank(value)) return;
    const cents = yuanToCents(value as number);
    if (cents === null) throw new Error(i18n.t('customers.validation.cents'));
    const result = customerFieldsSchema.shape.creditLimitCents.safeParse(cents);
    if (!result.success) throw new Error(issueText(result.error.issues[0]));
  },
};
