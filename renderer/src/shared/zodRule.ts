import type { FormRule } from 'antd';
import type { z } from 'zod';
import { translateKey } from './translate';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** An i18n key (`validation.required`, `customers.validation.uscc`); zod's own messages are sentences. */
const I18N_KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;

/** The translated message of a zod issue: schemas carry i18n keys as their messages (as the dispatcher reads them). */
export function issueMessage(issue: z.ZodError['issues'][number]): string {
  return translateKey(I18N_KEY.test(issue.message) ? issue.message : `validation.${issue.code}`);
}

/**
 * An antd Form rule that validates a field with the same zod schema the contract uses.
 * Empty inputs are passed as `undefined`, so a required field reports `validation.required`.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return { validator: async (_rule, value: unknown) => check(schema, value) };
}

/**
 * zodRule with the schema loaded on first use: the sign-in screen's rules, so its chunk need not
 * carry zod and the contract (they come in a lazy chunk, from disk, at the first check).
 */
export function lazyZodRule(load: () => Promise<z.ZodType>): FormRule {
  return { validator: async (_rule, value: unknown) => check(await load(), value) };
}

/** A field's message under the contract's schema (the same as zodRule's), or null when it is valid. */
export function fieldMessage(schema: z.ZodType, value: unknown): string | null {
  const blank = isBlank(value);
  const result = schema.safeParse(blank ? undefined : value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return blank && issue.code === 'invalid_type' ? translateKey('validation.required') : issueMessage(issue);
}

function check(schema: z.ZodType, value: unknown) {
  const message = fieldMessage(schema, value);
  if (message !== null) throw new Error(message);
}

/** A confirm-password rule: the field must repeat `otherField`. */
export function sameAsRule(otherField: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) throw new Error(translateKey('validation.required'));
      if (value !== getFieldValue(otherField)) throw new Error(translateKey('validation.passwordMismatch'));
    },
  });
}
