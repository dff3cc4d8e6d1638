import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { customer } from './recon-support';

/** 最后核对 (customers.last_verified_at, set by a stocktake's markVerified) in the customer list and detail. */
describe('the last verified date', () => {
  test('is in the list row and the detail, and filters the list by local date', async ({ env, admin }) => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const names = ['从未核对', '去年核对', '一月四日深夜核对', '一月五日零点半核对'];
      const ids: Record<string, number> = {};
      for (const n of names) ids[n] = (await customer(admin, n)).id;
      const set = env.core.sqlite.prepare('UPDATE customers SET last_verified_at = ? WHERE id = ?');
      set.run('2025-03-01T02:00:00.000Z', ids.去年核对);
      set.run('2026-01-04T15:59:00.000Z', ids.一月四日深夜核对); // 23:59 on 4 January in Beijing
      set.run('2026-01-04T16:30:00.000Z', ids.一月五日零点半核对); // 00:30 on 5 January in Beijing
      const list = async (filters: object) =>
        (await admin.ok('customer.search', { filters, sort: { field: 'createdAt', order: 'asc' } })).items.map((i) => i.name);
      expect(await list({ verifiedSince: '2026-01-05' })).toEqual(['一月五日零点半核对']);
      expect(await list({ verifiedSince: '2026-01-04' })).toEqual(['一月四日深夜核对', '一月五日零点半核对']);
      expect(await list({ notVerifiedSince: '2026-01-05' })).toEqual(['从未核对', '去年核对', '一月四日深夜核对']);
      expect(await list({ notVerifiedSince: '2025-01-01' })).toEqual(['从未核对']);
      expect(await list({ verifiedSince: '2025-01-01', notVerifiedSince: '2026-01-05' })).toEqual(['去年核对', '一月四日深夜核对']);
      // with a box text too
      const found = await admin.ok('customer.search', { q: '核对', filters: { verifiedSince: '2026-01-05' } });
      expect(found.items.map((i) => [i.name, i.lastVerifiedAt])).toEqual([['一月五日零点半核对', '2026-01-04T16:30:00.000Z']]);
      expect((await admin.ok('customer.get', { id: ids.去年核对 })).lastVerifiedAt).toBe('2025-03-01T02:00:00.000Z');
      expect((await admin.ok('customer.get', { id: ids.从未核对 })).lastVerifiedAt).toBeNull();
      expect(await admin.call('customer.search', { filters: { verifiedSince: '2026-13-45' } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      process.env.TZ = tz;
    }
  });
});
