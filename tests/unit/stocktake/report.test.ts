import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { lookupId } from '../customers/support';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { craftCorrection, craftLine, craftStocktake, customer, setState } from './recon-support';

/**
 * A stocktake with one of everything: expected A B C (大客户) and D E G H (no category); A scanned
 * twice, B's only scan undone, C counted on two lines (a merged duplicate's line moved onto it),
 * G deactivated and H frozen since, F counted but not expected, two unknown codes (Y thrice).
 */
async function crafted(core: Core, admin: TestClient) {
  const big = await lookupId(admin, 'category', '大客户');
  const c: Record<string, { id: number; code: string }> = {};
  for (const n of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) {
    c[n] = await customer(admin, `客户${n}`, ['A', 'B', 'C'].includes(n) ? { categoryId: big } : {});
  }
  setState(core, c.G.id, 'deactivated');
  setState(core, c.H.id, 'frozen', 'creditRisk');
  const st = craftStocktake(core, {
    expected: ['A', 'B', 'C', 'D', 'E', 'G', 'H'].map((n) => ({ id: c[n].id, categoryId: ['A', 'B', 'C'].includes(n) ? big : null })),
  });
  const lineA = craftLine(core, st, { customerId: c.A.id, code: c.A.code, scans: 2, note: '无发票，有合同', evidence: ['contract'], checked: true });
  craftLine(core, st, { customerId: c.B.id, code: c.B.code, scans: 0 });
  craftLine(core, st, { customerId: c.C.id, code: c.C.code, scans: 1 });
  craftLine(core, st, { customerId: c.C.id, code: 'C-OLD', scans: 1 });
  for (const n of ['F', 'G', 'H']) craftLine(core, st, { customerId: c[n].id, code: c[n].code, scans: 1 });
  craftLine(core, st, { customerId: null, code: 'X999', scans: 1 });
  craftLine(core, st, { customerId: null, code: 'Y888', scans: 3 });
  craftLine(core, st, { customerId: null, code: 'Z777', scans: 0 });
  craftCorrection(core, st, { lineId: lineA, customerId: c.A.id, proposal: { contact: { mobile: '13900000000' } } });
  craftCorrection(core, st, { lineId: lineA, customerId: c.A.id, proposal: { contact: { phone: '010-1' } }, status: 'rejected' });
  return { st, c, big };
}

const names = (items: { name: string | null; code: string }[]) => items.map((i) => i.name ?? i.code);

describe('the reconciliation report', () => {
  test('counts every section, per category, on a crafted stocktake', async ({ env, admin }) => {
    const { st, big } = await crafted(env.core, admin);
    const r = await admin.ok('stocktake.report', { id: st.id });
    expect(r.counts).toEqual({
      matched: 4,
      missing: 3,
      unknown: 2,
      duplicates: 3,
      deactivated: 1,
      frozen: 1,
      outOfScope: 1,
      corrections: 1,
    });
    expect(r.byCategory).toEqual([
      { categoryId: big, categoryName: '大客户', expected: 3, counted: 2 },
      { categoryId: null, categoryName: null, expected: 4, counted: 2 },
    ]);
    expect(r.stocktake).toMatchObject({ id: st.id, no: st.no, status: 'reconciling', countedCount: 4 });
    expect(r.adjusted).toEqual({});
  });

  test('pages each section, with the facts of each row, and searches by code or name', async ({ env, admin }) => {
    const { st, c } = await crafted(env.core, admin);
    const rows = async (section: 'matched' | 'missing' | 'unknown' | 'duplicates' | 'deactivated' | 'frozen' | 'outOfScope', q?: string) =>
      admin.ok('stocktake.reportRows', { id: st.id, section, q });
    expect(names((await rows('matched')).items)).toEqual(['客户A', '客户C', '客户G', '客户H']);
    expect(names((await rows('missing')).items)).toEqual(['客户B', '客户D', '客户E']);
    expect(names((await rows('unknown')).items)).toEqual(['X999', 'Y888']);
    expect(names((await rows('duplicates')).items)).toEqual(['客户A', '客户C', 'Y888']);
    expect(names((await rows('deactivated')).items)).toEqual(['客户G']);
    expect(names((await rows('frozen')).items)).toEqual(['客户H']);
    expect(names((await rows('outOfScope')).items)).toEqual(['客户F']);
    const [a] = (await rows('matched')).items;
    expect(a).toMatchObject({
      customerId: c.A.id,
      code: c.A.code,
      categoryName: '大客户',
      status: 'active',
      scans: 2,
      lastUserName: '系统管理员',
      checked: true,
      evidence: ['contract'],
      note: '无发票，有合同',
      lastVerifiedAt: null,
      adjustment: null,
    });
    const dup = (await rows('duplicates')).items;
    expect(dup.map((d) => d.scans)).toEqual([2, 2, 3]);
    expect((await rows('frozen')).items[0]).toMatchObject({ status: 'frozen', statusReasonName: '信用风险' });
    const missing = (await rows('missing')).items[0];
    expect(missing).toMatchObject({ lineId: null, scans: 0, checked: false, evidence: [] });

    expect(await rows('matched', '客户c')).toMatchObject({ total: 0 });
    expect(names((await rows('matched', '客户C')).items)).toEqual(['客户C']);
    expect(names((await rows('unknown', 'y8')).items)).toEqual(['Y888']);
    const page = await admin.ok('stocktake.reportRows', { id: st.id, section: 'matched', page: 2, pageSize: 3 });
    expect({ names: names(page.items), total: page.total }).toEqual({ names: ['客户H'], total: 4 });
  });

  test('stays readable after the stocktake is completed; an unknown stocktake is NOT_FOUND', async ({ env, admin }) => {
    const { st } = await crafted(env.core, admin);
    env.core.sqlite.prepare(`UPDATE stocktakes SET status = 'completed', completed_at = ? WHERE id = ?`).run('2026-01-05T02:00:00.000Z', st.id);
    const r = await admin.ok('stocktake.report', { id: st.id });
    expect(r.stocktake.status).toBe('completed');
    expect(r.counts.matched).toBe(4);
    expect((await admin.ok('stocktake.reportRows', { id: st.id, section: 'missing' })).total).toBe(3);
    expect(await admin.call('stocktake.report', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a clerk (stocktake.count only) may not read it', async ({ env, admin }) => {
    const { st } = await crafted(env.core, admin);
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    expect(await clerk.call('stocktake.report', { id: st.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
