import { describe, expect } from 'vitest';
import { customerCreateSchema } from '../../../electron/core/customers/shared/customers.contract';
import { refusedTextFields, refusedTextKey } from '../../../electron/core/shared/normalize';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'];
const INVISIBLE = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e', // bidi embeddings and overrides
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069', // bidi isolates
  '\u200e',
  '\u200f',
  '\u061c', // direction marks
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff', // zero-width
  '\u00ad', // soft hyphen
];
const BROKEN = ['\ud800', '\udfff'];

describe('the one text rule', () => {
  test('names what is wrong: control, invisible format, or broken (lone surrogate) characters', () => {
    for (const ch of CONTROL) expect(refusedTextKey(`a${ch}b`), JSON.stringify(ch)).toBe('errors.textControlChars');
    for (const ch of INVISIBLE) expect(refusedTextKey(`a${ch}b`), JSON.stringify(ch)).toBe('errors.textInvisibleChars');
    for (const ch of BROKEN) expect(refusedTextKey(`x${ch}y`), JSON.stringify(ch)).toBe('errors.textBrokenChars');
  });

  test('accepts ordinary text: Chinese punctuation, full-width forms, emoji, tab and line breaks', () => {
    for (const ok of [
      '腾讯科技（深圳）有限公司',
      'ＡＢＣ１２３',
      '客户😀',
      '第一行\n第二行\r\n',
      'a\tb',
      'Zoë Ñoño',
      '',
    ]) {
      expect(refusedTextKey(ok), JSON.stringify(ok)).toBeNull();
    }
  });

  test('finds refused text anywhere in an input, keys included, with the field path', () => {
    expect(refusedTextFields({ name: 'ok', contacts: [{ name: 'ok' }, { name: 'a\u202eb' }] })).toEqual({
      'contacts.1.name': 'errors.textInvisibleChars',
    });
    expect(refusedTextFields({ texts: { 'k\u0000': 'v' } })).toEqual({ 'texts.k\u0000': 'errors.textControlChars' });
    expect(refusedTextFields('x\ud800')).toEqual({ _: 'errors.textBrokenChars' });
    expect(refusedTextFields({ a: 1, b: [true, null, 'fine'] })).toBeNull();
  });

  test('walks hostile nesting without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const fields = refusedTextFields(deep);
    expect(Object.values(fields ?? {})).toEqual(['errors.textControlChars']);
  });

  test('walks a cyclic input (IPC carries cycles) once, and still finds what is refused in it', () => {
    const a: Record<string, unknown> = { name: 'ok' };
    const list: unknown[] = [a, 'b\u200bc'];
    a.self = a;
    a.list = list;
    list.push(list);
    expect(refusedTextFields(a)).toEqual({ 'list.1': 'errors.textInvisibleChars' });
    // one object reached by two paths is reported under one of them
    expect(Object.values(refusedTextFields({ x: a, y: a }) ?? {})).toEqual(['errors.textInvisibleChars']);
    a.name = 'fine';
    list[1] = 'fine';
    expect(refusedTextFields(a)).toBeNull();
  });
});

describe('every channel refuses such text with a field error and changes nothing', () => {
  test('customer search and export: NUL is a field error, not INTERNAL from FTS', async ({ admin }) => {
    await admin.ok('customer.create', { name: '北京测试有限公司' });
    for (const channel of ['customer.search', 'customer.export'] as const) {
      const r = await admin.call(channel, { q: 'a\u0000b' });
      expect(r, channel).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', fields: { q: 'errors.textControlChars' } },
      });
    }
  });

  test('customer, user and lookup names cannot carry bidi overrides, zero-width or broken characters', async ({
    env,
    admin,
  }) => {
    const before = snapshot(env.core);
    const cases = [
      ['customer.create', { name: '北京\u202e司公限有' }, 'name', 'errors.textInvisibleChars'],
      ['customer.create', { name: '张\u200b三商行' }, 'name', 'errors.textInvisibleChars'],
      [
        'customer.create',
        { name: '甲公司', contacts: [{ name: '李\u0000四' }] },
        'contacts.0.name',
        'errors.textControlChars',
      ],
      [
        'user.create',
        { username: 'u1', displayName: 'x\ud800y', password: 'password-1', roles: ['clerk'] },
        'displayName',
        'errors.textBrokenChars',
      ],
      ['lookup.create', { kind: 'region', name: '华\u2066东' }, 'name', 'errors.textInvisibleChars'],
      ['auth.login', { username: 'admin\u200d', password: 'admin-pass-1' }, 'username', 'errors.textInvisibleChars'],
    ] as const;
    for (const [channel, input, field, key] of cases) {
      const r = await admin.callRaw(channel, input);
      expect(r.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.fields?.[field], channel).toBe(key);
      }
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('line breaks and tabs are accepted: folded in one-line fields, line breaks kept in a memo', async ({
    admin,
  }) => {
    const c = await admin.ok('customer.create', { name: '乙\t公司\n', memo: '第一行\n第二行\t完' });
    expect(c.name).toBe('乙 公司');
    expect(c.memo).toBe('第一行\n第二行 完');
  });

  test('the form schema (and so every import row) applies the same rule', () => {
    const r = customerCreateSchema.safeParse({ name: '丙\u202e公司' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['name'], message: 'errors.textInvisibleChars' });
  });
});
