import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { authContract } from '../../../electron/core/auth/shared/auth.contract';
import { ApiCallError } from '../../../renderer/src/api/errors';
import { fieldErrorKeys } from '../../../renderer/src/shared/errorText';
import { fieldMessage, zodRule } from '../../../renderer/src/shared/zodRule';
import zhCN from '../../../renderer/src/locales/zh-CN.json';

// Issue 14 goal 5: the sign-in form checks its fields without antd's Form (the first chunk carries
// no antd): the same messages as the antd rules, and the core's field errors beside the fields.

const shape = authContract['auth.login'].input.shape;
const antdOutcome = (value: unknown) =>
  (zodRule(shape.username) as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, value).then(
    () => null,
    (e: Error) => e.message,
  );

describe('sign-in form checks', () => {
  beforeAll(() => i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', initAsync: false }));

  it('words a field as the antd rule does: required when empty, the schema’s message when wrong, null when valid', async () => {
    for (const value of ['', 'admin', 'x'.repeat(200), 'bad name!']) {
      expect(fieldMessage(shape.username, value), JSON.stringify(value)).toBe(await antdOutcome(value));
    }
    expect(fieldMessage(shape.username, '')).toBe('此项为必填项');
    expect(fieldMessage(shape.username, 'admin')).toBeNull();
  });

  it('takes the core’s field errors for the form’s fields, and says whether they were all of them', () => {
    const refused = (fields: Record<string, string>) =>
      new ApiCallError({ code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', fields });
    expect(fieldErrorKeys(refused({ username: 'validation.required' }), ['username', 'password'])).toEqual({
      onForm: [['username', 'validation.required']],
      all: true,
    });
    expect(fieldErrorKeys(refused({ username: 'a.b', other: 'c.d' }), ['username', 'password'])).toEqual({
      onForm: [['username', 'a.b']],
      all: false,
    });
    expect(fieldErrorKeys(refused({ other: 'c.d' }), ['username'])).toEqual({ onForm: [], all: false });
    expect(fieldErrorKeys(new Error('x'), ['username'])).toEqual({ onForm: [], all: false });
  });
});
