import { describe, expect } from 'vitest';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { countingOver, customersIn, rowsOf, scanOf, stocktakeLog } from './count-support';
import { acksOf, waiting } from './sync-support';

describe('stocktake.syncScans', () => {
  test('answers per scan in the order sent, each stored and logged as stocktake.scan stores it', async ({
    env,
    admin,
  }) => {
    const [a, b, outside] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const scans = [waiting(b.code), waiting('no-such-9'), waiting(outside.code), waiting(a.code)];
    const { items } = await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans });
    const acks = acksOf(items);
    expect(acks.map((x) => x.clientId)).toEqual(scans.map((s) => s.clientId));
    expect(acks.map((x) => x.result)).toEqual(['found', 'unknown', 'outOfScope', 'found']);
    expect(acks.map((x) => x.code)).toEqual([b.code, 'NO-SUCH-9', outside.code, a.code]);
    expect(acks.every((x) => !x.replayed)).toBe(true);
    expect(acks[3]).toMatchObject({
      customer: { id: a.id, name: '甲公司' },
      times: 1,
      progress: { expected: 2, counted: 2, scans: 4 },
    });
    // the phone's own fields are kept: its device and when it read the code
    expect(
      env.core.sqlite.prepare('SELECT DISTINCT device_id AS d, source, scanned_at AS s FROM stocktake_scans').all(),
    ).toEqual([{ d: 'phone-1', source: 'camera', s: '2026-01-05T01:00:00.000Z' }]);
    expect(stocktakeLog(env.core, st.id).filter((l) => l.action === 'scan')).toHaveLength(4);
    const { progress } = await admin.ok('stocktake.get', { id: st.id });
    expect(progress).toMatchObject(acks[3].progress);
  });

  test('a page sent twice adds nothing: the second answers every scan replayed with the stored ack', async ({
    env,
    admin,
  }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const scans = [waiting(a.code), waiting(b.code), waiting(a.code)];
    const first = acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans })).items);
    const before = snapshot(env.core);
    const again = acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans })).items);
    expect(snapshot(env.core)).toBe(before);
    expect(again.map((x) => x.replayed)).toEqual([true, true, true]);
    expect(again.map((x) => [x.scanId, x.result])).toEqual(first.map((x) => [x.scanId, x.result]));
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(3);
  });

  test('after a drop (part of the page stored), the resend stores only the rest', async ({ env, admin }) => {
    const [a, b, c] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const st = await countingOver(admin, [a.id, b.id, c.id]);
    const scans = [waiting(a.code), waiting(b.code), waiting(c.code), waiting('NO-SUCH-1')];
    // the connection dropped after the server stored the first two (their answer never reached the phone)
    await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans: scans.slice(0, 2) });
    // a scan made one at a time on the PC meanwhile (stocktake.scan) with the same client id is the same scan
    await admin.ok('stocktake.scan', { ...scanOf(st.id, c.code), clientId: scans[2].clientId });
    const acks = acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans })).items);
    expect(acks.map((x) => x.replayed)).toEqual([true, true, true, false]);
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(4);
    expect(stocktakeLog(env.core, st.id).filter((l) => l.action === 'scan')).toHaveLength(4);
    expect(acks[3].progress).toMatchObject({ counted: 3, scans: 4, unknown: 1 });
  });

  test('the same code twice is a duplicate; the same client id twice is one scan', async ({ env, admin }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const once = waiting(b.code);
    const acks = acksOf(
      (
        await admin.ok('stocktake.syncScans', {
          stocktakeId: st.id,
          scans: [waiting(a.code), waiting(a.code.toLowerCase()), once, once],
        })
      ).items,
    );
    expect(acks.map((x) => [x.result, x.replayed, x.times])).toEqual([
      ['found', false, 1],
      ['duplicate', false, 2],
      ['found', false, 1],
      ['found', true, 1],
    ]);
    expect(acks[3].scanId).toBe(acks[2].scanId);
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(3);
    expect(acks[3].progress).toMatchObject({ counted: 2, scans: 3 });
  });

  test('classified as of the sync: a customer frozen or deactivated while the phone was offline', async ({ admin }) => {
    const [a, b, c] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const st = await countingOver(admin, [a.id, b.id, c.id]);
    // read on the phone while all three were active …
    const scans = [waiting(a.code), waiting(b.code), waiting(c.code)];
    // … then, before the phone had a network again, two changed state on the PC
    await admin.ok('customer.freeze', {
      ids: [a.id],
      reasonId: await reasonId(admin, '信用风险'),
      acknowledgeOpenItems: true,
    });
    await admin.ok('customer.deactivate', {
      ids: [b.id],
      reasonId: await reasonId(admin, '合同到期'),
      acknowledgeOpenItems: true,
    });
    const acks = acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans })).items);
    expect(acks.map((x) => x.result)).toEqual(['frozen', 'deactivated', 'found']);
    expect(acks[0].customer).toMatchObject({ status: 'frozen', statusReasonName: '信用风险' });
    expect(acks[1].customer).toMatchObject({ status: 'deactivated', statusReasonName: '合同到期' });
  });

  test('a stocktake no longer counting: each new scan refused, stored ones still answered, nothing changed', async ({
    env,
    admin,
  }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    const stored = waiting(a.code);
    await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans: [stored] });
    await admin.ok('stocktake.reconcile', { id: st.id });
    const before = snapshot(env.core);
    const late = waiting(b.code);
    const { items } = await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans: [late, stored] });
    expect(snapshot(env.core)).toBe(before);
    expect(items[0]).toEqual({
      clientId: late.clientId,
      error: {
        code: 'INVALID_TRANSITION',
        messageKey: 'stocktake.errors.notCounting',
        params: { no: st.no, status: 'reconciling' },
      },
    });
    expect(items[1]).toMatchObject({ clientId: stored.clientId, replayed: true, result: 'found' });
    // counting resumed: the scan the phone kept is stored now
    await admin.ok('stocktake.resume', { id: st.id });
    expect(
      acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans: [late] })).items)[0],
    ).toMatchObject({
      result: 'found',
      replayed: false,
    });
  });

  test('a page over 500 is refused whole, nothing stored; a page of 500 is stored whole', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const before = snapshot(env.core);
    const tooMany = await admin.call('stocktake.syncScans', {
      stocktakeId: st.id,
      scans: Array.from({ length: 501 }, (_, i) => waiting(`X${i}`)),
    });
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { scans: 'stocktake.validation.syncTooMany' },
    });
    expect(snapshot(env.core)).toBe(before);
    const empty = await admin.call('stocktake.syncScans', { stocktakeId: st.id, scans: [] });
    expect(empty.ok).toBe(false);
    const page = Array.from({ length: 500 }, (_, i) => waiting(i % 2 ? a.code : `X${i % 7}`));
    const acks = acksOf((await admin.ok('stocktake.syncScans', { stocktakeId: st.id, scans: page })).items);
    expect(acks).toHaveLength(500);
    expect(acks[499].progress).toMatchObject({ counted: 1, scans: 500, unknown: 7 });
    expect(rowsOf(env.core, 'stocktake_scans')).toBe(500);
  });

  test('an unknown stocktake is NOT_FOUND; a viewer is refused; a clerk counts', async ({ env, admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const missing = await admin.call('stocktake.syncScans', { stocktakeId: st.id + 99, scans: [waiting(a.code)] });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const viewer = await env.userWithRoles('wang', ['viewer']);
    const before = snapshot(env.core);
    const refused = await viewer.call('stocktake.syncScans', { stocktakeId: st.id, scans: [waiting(a.code)] });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const expected = await viewer.call('stocktake.expected', { stocktakeId: st.id });
    expect(expected.ok ? null : expected.error.code).toBe('FORBIDDEN');
    expect(snapshot(env.core)).toBe(before);
    const clerk = await env.userWithRoles('li', ['clerk']);
    const ack = acksOf(
      (await clerk.ok('stocktake.syncScans', { stocktakeId: st.id, scans: [waiting(a.code)] })).items,
    )[0];
    expect(ack).toMatchObject({ result: 'found', earlier: [] });
    expect((await admin.ok('stocktake.get', { id: st.id })).progress.byCounter).toEqual([
      { userId: expect.any(Number), userName: 'li', scans: 1 },
    ]);
  });
});
