import { describe, expect } from 'vitest';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { countingOver, customersIn } from './count-support';
import { waiting } from './sync-support';

describe('stocktake.expected', () => {
  test('pages the expected set by customer id, with names, state now and scans so far; others on the first page', async ({
    admin,
  }) => {
    const cs = [
      ...(await customersIn(admin, ['甲公司'])),
      ...(await customersIn(admin, ['乙公司'], { shortName: '乙' })),
      ...(await customersIn(admin, ['丙公司', '丁公司', '戊公司'])),
    ];
    const [outside] = await customersIn(admin, ['外部公司']);
    const st = await countingOver(
      admin,
      cs.map((c) => c.id),
    );
    await admin.ok('customer.freeze', {
      ids: [cs[2].id],
      reasonId: await reasonId(admin, '信用风险'),
      acknowledgeOpenItems: true,
    });
    await admin.ok('stocktake.syncScans', {
      stocktakeId: st.id,
      scans: [waiting(cs[0].code), waiting(cs[0].code), waiting(outside.code), waiting('NO-SUCH-1')],
    });

    const p1 = await admin.ok('stocktake.expected', { stocktakeId: st.id, limit: 2 });
    expect(p1.stocktake).toMatchObject({ id: st.id, no: st.no, status: 'counting', expectedCount: 5 });
    expect(p1.items).toEqual([
      {
        customerId: cs[0].id,
        code: cs[0].code,
        name: '甲公司',
        shortName: null,
        mnemonic: expect.any(String),
        status: 'active',
        scans: 2,
      },
      {
        customerId: cs[1].id,
        code: cs[1].code,
        name: '乙公司',
        shortName: '乙',
        mnemonic: expect.any(String),
        status: 'active',
        scans: 0,
      },
    ]);
    expect(p1.next).toBe(cs[1].id);
    expect(p1.others).toEqual([
      { customerId: null, code: 'NO-SUCH-1', scans: 1 },
      { customerId: outside.id, code: outside.code, scans: 1 },
    ]);
    const p2 = await admin.ok('stocktake.expected', { stocktakeId: st.id, after: p1.next ?? 0, limit: 2 });
    expect(p2.items.map((r) => [r.customerId, r.status])).toEqual([
      [cs[2].id, 'frozen'],
      [cs[3].id, 'active'],
    ]);
    expect(p2.others).toEqual([]);
    const p3 = await admin.ok('stocktake.expected', { stocktakeId: st.id, after: p2.next ?? 0, limit: 2 });
    expect(p3.items.map((r) => r.customerId)).toEqual([cs[4].id]);
    expect(p3.next).toBeNull();
    // the default page holds the whole set here
    expect((await admin.ok('stocktake.expected', { stocktakeId: st.id })).items).toHaveLength(5);
  });

  test('a counting or reconciling stocktake only: a draft or a completed one is refused', async ({ admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const draft = await admin.ok('stocktake.create', { name: '草稿', scope: { kind: 'selection', ids: [a.id] } });
    const r = await admin.call('stocktake.expected', { stocktakeId: draft.id });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'stocktake.errors.expectedClosed',
    });
    const st = await countingOver(admin, [a.id]);
    await admin.ok('stocktake.reconcile', { id: st.id });
    expect((await admin.ok('stocktake.expected', { stocktakeId: st.id })).items).toHaveLength(1);
    await admin.ok('stocktake.complete', { id: st.id });
    const done = await admin.call('stocktake.expected', { stocktakeId: st.id });
    expect(done.ok ? null : done.error.code).toBe('INVALID_TRANSITION');
    const missing = await admin.call('stocktake.expected', { stocktakeId: st.id + 99 });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});
