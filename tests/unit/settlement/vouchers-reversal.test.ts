import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { insertAllocation, syncSettled } from '../../../electron/core/settlement/ledger';
import { test } from '../support/fixtures';
import { approved, customer, editForm, freeze, ledgerRows, people, refusal, voucherLog } from './support';

test.override({ jobs: 'inline' });

const reverse = (id: number, extra: object = {}) => ({
  id,
  clientId: randomUUID(),
  reason: '数量开错',
  date: '2026-01-06',
  ...extra,
});

describe('红字 reversals', () => {
  test('a reversal negates the original, goes through the same approval (author ≠ approver) and lowers the open amount exactly', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '甲公司', { creditLimitCents: 1 });
    const o = await approved(p.clerk, p.manager, c.id, '0', {
      lines: [
        { description: '钢材', quantity: '2', unitPrice: '50.005', taxRateBp: 1300 },
        { description: '运费', quantity: '1', unitPrice: '30' },
      ],
      // over the limit: the manager overrides
    }).catch(() => null);
    expect(o).toBeNull(); // no override reason given: refused
    const v = await p.clerk.ok('settlement.voucherCreate', {
      clientId: randomUUID(),
      customerId: c.id,
      date: '2026-01-05',
      evidenceType: 'order',
      lines: [
        { description: '钢材', quantity: '2', unitPrice: '50.005', taxRateBp: 1300 },
        { description: '运费', quantity: '1', unitPrice: '30' },
      ],
      submit: true,
    });
    const orig = await p.manager.ok('settlement.voucherApprove', {
      id: v.id,
      version: v.version,
      overrideReason: '试单',
    });
    expect(orig.totalCents).toBe(10001 + 1300 + 3000);
    const r = await p.clerk.ok('settlement.voucherReverse', reverse(orig.id));
    expect(r).toMatchObject({
      no: 'HZ20260105-0001',
      kind: 'reversal',
      status: 'draft',
      reverses: { id: orig.id, no: orig.no },
      memo: '数量开错',
      totalCents: -14301,
      openCents: 0,
    });
    expect(r.lines.map((l) => [l.quantity, l.amountCents, l.taxCents])).toEqual([
      ['-2', -10001, -1300],
      ['-1', -3000, 0],
    ]);
    const s = await p.clerk.ok('settlement.voucherSubmit', { id: r.id, version: r.version });
    expect((await refusal(p.clerk.call('settlement.voucherApprove', { id: s.id, version: s.version }))).code).toBe(
      'FORBIDDEN',
    );
    // a frozen customer's reversal still goes through (it lowers what is owed), with no credit check
    await freeze(p.admin, c.id);
    const done = await p.finance.ok('settlement.voucherApprove', { id: s.id, version: s.version });
    expect(done).toMatchObject({ status: 'approved', creditOverrideReason: null });
    const after = await p.viewer.ok('settlement.voucher', { id: orig.id });
    expect(after).toMatchObject({
      status: 'settled',
      openCents: 0,
      reversedBy: [{ id: r.id, status: 'approved', totalCents: -14301 }],
    });
    expect(after.allocations).toMatchObject([
      { creditVoucherId: r.id, creditVoucherNo: r.no, amountCents: 14301, paymentId: null, undone: false },
    ]);
    expect(ledgerRows(env.core, c.id).map((l) => [l.kind, l.amountCents])).toEqual([
      ['voucher', 14301],
      ['reversal', -14301],
    ]);
    expect(voucherLog(env.core, orig.id).map((l) => l.action)).toEqual([
      'create',
      'submit',
      'approve',
      'reverse',
      'settle',
    ]);
    expect(voucherLog(env.core, orig.id).at(-1)).toMatchObject({ reason: r.no, userName: 'finance1' });
    expect(voucherLog(env.core, r.id)[0]).toMatchObject({ action: 'create', reason: '数量开错' });
  });

  test('given lines are positive quantities of what is taken back; at most the open amount, at creation and again at approval', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const o = await approved(p.clerk, p.finance, c.id, '100');
    const tooMuch = await refusal(
      p.clerk.call(
        'settlement.voucherReverse',
        reverse(o.id, { lines: [{ description: '退', quantity: '1', unitPrice: '100.01' }] }),
      ),
    );
    expect(tooMuch).toMatchObject({
      code: 'INVALID_INPUT',
      messageKey: 'settlement.errors.reversalOverOpen',
      params: { no: o.no, open: '100.00', total: '100.01' },
    });
    expect(
      (await refusal(p.clerk.call('settlement.voucherReverse', reverse(o.id, { date: '2026-01-04' })))).fields,
    ).toEqual({
      date: 'settlement.validation.reversalBeforeOriginal',
    });
    const r1 = await p.clerk.ok(
      'settlement.voucherReverse',
      reverse(o.id, { lines: [{ description: '退', quantity: '3', unitPrice: '20' }], submit: true }),
    );
    const r2 = await p.clerk.ok(
      'settlement.voucherReverse',
      reverse(o.id, { lines: [{ description: '退', quantity: '-2', unitPrice: '30' }], submit: true }),
    );
    expect([r1.totalCents, r2.totalCents, r1.status]).toEqual([-6000, -6000, 'submitted']);
    await p.finance.ok('settlement.voucherApprove', { id: r1.id, version: r1.version });
    // the second no longer fits in what is open (40.00)
    expect(
      await refusal(p.finance.call('settlement.voucherApprove', { id: r2.id, version: r2.version })),
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'settlement.errors.reversalOverOpen',
      params: { open: '40.00', total: '60.00' },
    });
    expect((await p.viewer.ok('settlement.voucher', { id: o.id })).openCents).toBe(4000);
    // a reversal is not edited into a normal voucher
    const back = await p.finance.ok('settlement.voucherReject', { id: r2.id, version: r2.version, reason: '超额' });
    expect((await refusal(p.clerk.call('settlement.voucherUpdate', editForm(back, c.id)))).messageKey).toBe(
      'settlement.errors.reversalNotEditable',
    );
  });

  test('only an approved, open, normal voucher is reversed', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '丙公司');
    const draft = await p.clerk.ok('settlement.voucherCreate', {
      clientId: randomUUID(),
      customerId: c.id,
      date: '2026-01-05',
      evidenceType: 'other',
      lines: [{ description: 'x', quantity: '1', unitPrice: '5' }],
    });
    expect((await refusal(p.clerk.call('settlement.voucherReverse', reverse(draft.id)))).messageKey).toBe(
      'settlement.errors.notReversible',
    );
    const o = await approved(p.clerk, p.finance, c.id, '5');
    // paid in full (an allocation as the payments core makes it): settled, nothing left to reverse
    env.core.sqlite.transaction(() => {
      const at = env.clock.now().toISOString();
      insertAllocation(env.core.sqlite, { voucherId: o.id, amountCents: 500, date: '2026-01-05', at, by: null });
      syncSettled(env.core, o.id, at, null);
    })();
    expect((await refusal(p.clerk.call('settlement.voucherReverse', reverse(o.id)))).messageKey).toBe(
      'settlement.errors.notReversible',
    );
    const o2 = await approved(p.clerk, p.finance, c.id, '5');
    const r = await p.clerk.ok('settlement.voucherReverse', reverse(o2.id, { submit: true }));
    expect((await refusal(p.clerk.call('settlement.voucherReverse', reverse(r.id)))).messageKey).toBe(
      'settlement.errors.notReversible',
    );
  });
});
