import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { authContract } from '../../../electron/core/auth/shared/auth.contract';
import { lazyZodRule, zodRule } from '../../../renderer/src/shared/zodRule';

// Issue 14 (goal 5): the sign-in form's rules load the contract at their first check (zod stays
// out of the first chunk); they must judge and word a value as the eager rule does.
const shape = authContract['auth.login'].input.shape;
type Validator = (rule: RuleObject, value: unknown) => Promise<void>;
const validatorOf = (rule: unknown) => (rule as { validator: Validator }).validator;
const outcome = (rule: unknown, value: unknown) =>
  validatorOf(rule)({} as RuleObject, value).then(
    () => 'ok',
    (e: Error) => e.message,
  );

describe('lazyZodRule', () => {
  it('loads the schema and gives the eager rule’s answers', async () => {
    let loads = 0;
    const lazy = lazyZodRule(async () => {
      loads++;
      return shape.username;
    });
    for (const value of ['', undefined, 'admin', 'x'.repeat(200), 'bad name!']) {
      expect(await outcome(lazy, value)).toBe(await outcome(zodRule(shape.username), value));
    }
    expect(await outcome(lazy, '')).not.toBe('ok');
    expect(await outcome(lazy, 'admin')).toBe('ok');
    expect(loads).toBeGreaterThan(0);
  });
});
