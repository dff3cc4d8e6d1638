import type { FormRule } from 'antd';
import type { z } from 'zod';
import { translateKey } from './translate';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The translated message of a zod issue: schemas carry `validation.*` keys as their messages. */
export function issueMessage(issue: z.ZodError['issues'][number]): string {
  return translateKey(issue.message.startsWith('validation.') ? issue.message : `validation.${issue.code}`);
}

/**
 * An antd Form rule that validates a field with the same zod schema the contract uses.
 * Empty inputs are passed as `undefined`, so a required field reports `validation.required`.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const blank = isBlank(value);
      const result = schema.safeParse(blank ? undefined : value);
      if (result.success) return;
      const issue = result.error.issues[0];
      throw new Error(
        blank && issue.code === 'invalid_type' ? translateKey('validation.required') : issueMessage(issue),
      );
    },
  };
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
