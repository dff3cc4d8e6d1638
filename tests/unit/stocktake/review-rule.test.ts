import { describe, expect } from 'vitest';
import { setRules, test } from '../review/support';
import { craftLine, craftStocktake, customer } from './recon-support';

describe('the review rule "not found in the last completed stocktake"', () => {
  test('hits exactly the customers expected and not counted in the last completed stocktake', async ({ env, admin, review }) => {
    const c: Record<string, { id: number; code: string }> = {};
    for (const n of ['见到', '没见到', '撤销了', '旧单没见到', '开着的单没见到']) c[n] = await customer(admin, n);
    // an older completed stocktake, and one still open: neither counts
    const old = craftStocktake(env.core, { status: 'completed', completedAt: '2025-06-01T00:00:00.000Z', expected: [{ id: c.旧单没见到.id }] });
    craftStocktake(env.core, { status: 'reconciling', expected: [{ id: c.开着的单没见到.id }] });
    const last = craftStocktake(env.core, {
      status: 'completed',
      completedAt: '2025-12-01T00:00:00.000Z',
      expected: ['见到', '没见到', '撤销了'].map((n) => ({ id: c[n].id })),
    });
    // a merge moved a duplicate's expected row onto 没见到: still one candidate
    env.core.sqlite
      .prepare(`INSERT INTO stocktake_expected (stocktake_id, customer_id, status) VALUES (?, ?, 'active')`)
      .run(last.id, c.没见到.id);
    craftLine(env.core, last, { customerId: c.见到.id, code: c.见到.code, scans: 1 });
    craftLine(env.core, last, { customerId: c.撤销了.id, code: c.撤销了.code, scans: 0 });
    craftLine(env.core, old, { customerId: null, code: 'X1', scans: 1 });

    const settings = await setRules(admin, { stocktakeMissing: { enabled: true }, inactivity: { enabled: false }, contractEnded: { enabled: false } });
    expect(settings.rules[3]).toEqual({ key: 'stocktakeMissing', available: true, reasonKey: 'inactive' });
    const run = await admin.ok('review.start');
    expect(run.rules).toEqual(['stocktakeMissing']);
    expect(await review.candidates()).toEqual({ 没见到: ['stocktakeMissing'], 撤销了: ['stocktakeMissing'] });
  });

  test('hits nobody before any stocktake is completed', async ({ env, admin, review }) => {
    const a = await customer(admin, '甲');
    craftStocktake(env.core, { status: 'reconciling', expected: [{ id: a.id }] });
    await setRules(admin, { stocktakeMissing: { enabled: true }, inactivity: { enabled: false }, contractEnded: { enabled: false } });
    await admin.ok('review.start');
    expect(await review.candidates()).toEqual({});
  });
});
