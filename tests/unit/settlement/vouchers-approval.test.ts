import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import {
  approved,
  customer,
  deactivate,
  editForm,
  freeze,
  ledgerRows,
  people,
  refusal,
  submitted,
  voucherForm,
  voucherLog,
} from './support';

test.override({ jobs: 'inline' });

describe('approval: the one path, never by the author, the guard and the credit limit inside it', () => {
  test('the author (or submitter) cannot approve; a clerk cannot approve at all; a submit in create is not an approval', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '甲公司');
    const own = await submitted(p.finance, c.id);
    expect(own.status).toBe('submitted');
    expect(ledgerRows(env.core, c.id)).toEqual([]);
    expect(await refusal(p.finance.call('settlement.voucherApprove', { id: own.id, version: own.version }))).toEqual({
      code: 'FORBIDDEN',
      messageKey: 'settlement.errors.ownVoucher',
      params: { no: own.no },
    });
    expect((await p.finance.ok('settlement.voucher', { id: own.id })).can.approve).toBe(false);
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id));
    const sub = await p.finance.ok('settlement.voucherSubmit', { id: draft.id, version: draft.version });
    expect(
      (await refusal(p.finance.call('settlement.voucherApprove', { id: sub.id, version: sub.version }))).messageKey,
    ).toBe('settlement.errors.ownVoucher');
    const v = await submitted(p.clerk, c.id);
    expect((await refusal(p.clerk.call('settlement.voucherApprove', { id: v.id, version: v.version }))).code).toBe(
      'FORBIDDEN',
    );
    expect(ledgerRows(env.core, c.id)).toEqual([]);
    await p.finance2.ok('settlement.voucherApprove', { id: own.id, version: own.version });
    expect(ledgerRows(env.core, c.id)).toHaveLength(1);
  });

  test('a direct second approve, an approve of a draft and an edit of an approved voucher are refused; the ledger is posted once', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const a = await approved(p.clerk, p.finance, c.id, '10');
    expect((await refusal(p.finance2.call('settlement.voucherApprove', { id: a.id, version: a.version }))).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await refusal(p.manager.call('settlement.voucherUpdate', editForm(a, c.id, '1')))).messageKey).toBe(
      'settlement.errors.locked',
    );
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id));
    expect(
      (await refusal(p.finance.call('settlement.voucherApprove', { id: draft.id, version: draft.version }))).code,
    ).toBe('INVALID_TRANSITION');
    expect(ledgerRows(env.core, c.id)).toEqual([{ kind: 'voucher', amountCents: 1000, entryKey: `voucher:${a.id}` }]);
  });

  test('frozen and deactivated customers are refused at creation and at approval, with the reason', async ({ env }) => {
    const p = await people(env);
    const f = await customer(p.admin, '冻结公司');
    const waiting = await submitted(p.clerk, f.id);
    await freeze(p.admin, f.id);
    const created = await refusal(p.clerk.call('settlement.voucherCreate', voucherForm(f.id)));
    expect(created).toMatchObject({
      code: 'CUSTOMER_FROZEN',
      messageKey: 'customers.errors.customerFrozen',
      params: { name: '冻结公司', reason: '信用风险' },
    });
    const before = snapshot(env.core);
    const approving = await refusal(
      p.finance.call('settlement.voucherApprove', { id: waiting.id, version: waiting.version }),
    );
    expect(approving).toMatchObject({ code: 'CUSTOMER_FROZEN', params: { reason: '信用风险' } });
    expect(snapshot(env.core)).toBe(before);
    const credit = await p.clerk.ok('settlement.customer', { code: f.code });
    expect(credit).toMatchObject({
      customer: { id: f.id, status: 'frozen', statusReasonName: '信用风险' },
      refusedKey: 'customers.errors.customerFrozen',
      pendingCents: 10000,
    });

    const d = await customer(p.admin, '停用公司');
    await deactivate(p.admin, d.id);
    expect(await refusal(p.clerk.call('settlement.voucherCreate', voucherForm(d.id)))).toMatchObject({
      code: 'CUSTOMER_DEACTIVATED',
      params: { name: '停用公司', reason: '客户注销/倒闭' },
    });
  });

  test('over the credit limit: finance is refused with the figures; a manager needs a reason, which is kept and logged', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '额度公司', { creditLimitCents: 100_000 });
    await approved(p.clerk, p.finance, c.id, '600');
    const v = await submitted(p.clerk, c.id, '500');
    const figures = { limit: '1,000.00', balance: '600.00', total: '500.00', over: '100.00' };
    expect(
      await refusal(
        p.finance.call('settlement.voucherApprove', { id: v.id, version: v.version, overrideReason: '老客户' }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      messageKey: 'settlement.errors.overCreditLimit',
      params: figures,
    });
    expect(await refusal(p.manager.call('settlement.voucherApprove', { id: v.id, version: v.version }))).toMatchObject({
      code: 'INVALID_INPUT',
      messageKey: 'settlement.errors.overCreditReason',
      fields: { overrideReason: 'settlement.errors.overCreditReason' },
      params: figures,
    });
    const ok = await p.manager.ok('settlement.voucherApprove', {
      id: v.id,
      version: v.version,
      overrideReason: '老客户，月底回款',
    });
    expect(ok).toMatchObject({ status: 'approved', creditOverrideReason: '老客户，月底回款' });
    expect(voucherLog(env.core, v.id).at(-1)).toMatchObject({
      action: 'approve',
      reason: '老客户，月底回款',
      userName: 'manager1',
    });
    expect(await p.viewer.ok('settlement.customer', { customerId: c.id })).toMatchObject({
      balanceCents: 110_000,
      openCents: 110_000,
      availableCents: -10_000,
    });
    // exactly at the limit needs nothing
    const e = await customer(p.admin, '刚好公司', { creditLimitCents: 100_000 });
    expect((await approved(p.clerk, p.finance, e.id, '1000')).creditOverrideReason).toBeNull();
  });

  test('two finance users racing over the limit: one wins, the other sees the first posting and is refused', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '竞争公司', { creditLimitCents: 100_000 });
    const a = await submitted(p.clerk, c.id, '600');
    const b = await submitted(p.clerk, c.id, '600');
    const [ra, rb] = await Promise.all([
      p.finance.call('settlement.voucherApprove', { id: a.id, version: a.version }),
      p.finance2.call('settlement.voucherApprove', { id: b.id, version: b.version }),
    ]);
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1);
    const lost = ra.ok ? rb : ra;
    expect(lost.ok ? null : lost.error.messageKey).toBe('settlement.errors.overCreditLimit');
    expect(ledgerRows(env.core, c.id).map((r) => r.amountCents)).toEqual([60_000]);

    // the same voucher approved twice at once: one wins, the other is CONFLICT
    const d = await customer(p.admin, '同一张公司');
    const v = await submitted(p.clerk, d.id, '1');
    const both = await Promise.all([
      p.finance.call('settlement.voucherApprove', { id: v.id, version: v.version }),
      p.finance2.call('settlement.voucherApprove', { id: v.id, version: v.version }),
    ]);
    expect(both.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(ledgerRows(env.core, d.id)).toHaveLength(1);
  });
});
