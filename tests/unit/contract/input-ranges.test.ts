import { describe, expect } from 'vitest';
import { LIMITS } from '../../../electron/core/shared/contract-kit';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';

const HUGE = Number.MAX_SAFE_INTEGER;

describe('numbers in inputs have real ranges', () => {
  test('refuses a sort, page or offset beyond its range with a field error, changing nothing', async ({
    env,
    admin,
  }) => {
    const item = await admin.ok('lookup.create', { kind: 'region', name: '测试片区甲' });
    const before = snapshot(env.core);
    const cases = [
      ['lookup.update', { id: item.id, version: item.version, name: '测试片区甲', active: true, sort: HUGE }, 'sort'],
      ['lookup.update', { id: item.id, version: item.version, name: '测试片区甲', active: true, sort: -1 }, 'sort'],
      ['lookup.create', { kind: 'region', name: '测试片区乙', sort: LIMITS.sort + 1 }, 'sort'],
      ['audit.list', { page: HUGE }, 'page'],
      ['customer.history', { id: 1, page: HUGE }, 'page'],
      ['review.runs', { page: LIMITS.page + 1 }, 'page'],
      ['review.candidates', { offset: HUGE }, 'offset'],
      ['customer.importIssues', { uploadId: 'a'.repeat(32), kind: 'error', offset: HUGE }, 'offset'],
      ['customer.downloadFile', { fileId: 'a'.repeat(32), offset: HUGE }, 'offset'],
    ] as const;
    for (const [channel, input, field] of cases) {
      const r = await admin.call(channel, input);
      expect(r.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code, channel).toBe('INVALID_INPUT');
        expect(r.error.fields?.[field], channel).toBe('validation.range');
      }
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('still takes values inside the ranges', async ({ admin }) => {
    const item = await admin.ok('lookup.create', { kind: 'region', name: '测试片区甲', sort: LIMITS.sort });
    expect(item.sort).toBe(LIMITS.sort);
    const updated = await admin.ok('lookup.update', {
      id: item.id,
      version: item.version,
      name: '测试片区甲',
      active: true,
      sort: 0,
    });
    expect(updated.sort).toBe(0);
    expect((await admin.ok('audit.list', { page: LIMITS.page, pageSize: 200 })).items).toEqual([]);
  });
});

describe('customer.importUpload takes base64 only', () => {
  test('refuses text that is not strict base64 with a field error and stores nothing', async ({ env, admin }) => {
    const before = snapshot(env.core);
    for (const bad of ['not base64!', 'QUJD\nREVG', 'QUJDRA', 'QU=JD', 'QUJD===', 'QUJD REVG', '-_-_']) {
      const r = await admin.call('customer.importUpload', { fileName: 'a.csv', dataBase64: bad });
      expect(r, JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { dataBase64: 'errors.notBase64' } },
      });
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('accepts a real file in base64', async ({ admin }) => {
    const csv = Buffer.from('客户名称\n甲公司\n', 'utf8').toString('base64');
    const r = await admin.ok('customer.importUpload', { fileName: 'a.csv', dataBase64: csv });
    expect(r.headers).toEqual(['客户名称']);
  });
});
