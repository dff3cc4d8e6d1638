import type { FormInstance, FormRule } from 'antd';
import i18n from 'i18next';
import type { z } from 'zod';
import { isValidUscc, normalizeTaxId, yuanToCents } from '../../../../../electron/core/customers/customer.rules';
import { customerFieldsSchema } from '../../../../../electron/core/customers/customers.contract';
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

const ORGANISATIONS = new Set(['enterprise', 'individualBusiness', 'government']);

/**
 * 统一社会信用代码 / 税号: as the core's refinement — an 18-character code must carry a valid
 * check character, and a Chinese organisation must have a valid USCC; individuals and foreign
 * customers may use other formats.
 */
export function taxIdRule(form: FormInstance<CustomerFormValues>): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) return;
      const shape = customerFieldsSchema.shape.taxId.safeParse(value);
      if (!shape.success) throw new Error(issueText(shape.error.issues[0]));
      const taxId = normalizeTaxId(String(value));
      const nature = form.getFieldValue('nature') ?? 'enterprise';
      const addresses: NonNullable<CustomerFormValues['addresses']> = form.getFieldValue('addresses') ?? [];
      const foreign = addresses.some((a) => a?.kind === 'registered' && a.country && a.country !== 'CN');
      if ((taxId.length === 18 || (ORGANISATIONS.has(nature) && !foreign)) && !isValidUscc(taxId)) {
        throw new Error(i18n.t('customers.validation.uscc'));
      }
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
