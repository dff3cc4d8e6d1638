import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import {
  approvedReversal,
  approvedVoucher,
  balanceOf,
  customers,
  openOf,
  paymentLog,
  paymentOf,
  statusOf,
} from './ledger-support';

describe('allocations', () => {
  test('suggest: oldest due first (then oldest date, id), capped by open amounts and by a payment’s free remainder', async ({
    env,
    admin,
  }) => {
    const [c] = await customers(admin, ['甲公司']);
    const late = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-10-01',
      dueDate: '2026-02-01',
      lines: [1000],
    });
    const early = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-12-01',
      dueDate: '2025-12-15',
      lines: [300],
    });
    const sameDue = approvedVoucher(env.core, {
      customerId: c.id,
      date: '2025-11-20',
      dueDate: '2025-12-15',
      lines: [500],
    });
    approvedReversal(env.core, sameDue.id, 200, '2025-12-20');
    const s = await admin.ok('settlement.allocationSuggest', { customerId: c.id, amount: '9' });
    expect(s.open.map((v) => [v.no, v.openCents, v.daysOverdue])).toEqual([
      [sameDue.no, 300, 21],
      [early.no, 300, 21],
      [late.no, 1000, 0],
    ]);
    expect(s.allocations).toEqual([
      { voucherId: sameDue.id, amountCents: 300 },
      { voucherId: early.id, amountCents: 300 },
      { voucherId: late.id, amountCents: 300 },
    ]);
    expect(s.remainderCents).toBe(0);
    const more = await admin.ok('settlement.allocationSuggest', { customerId: c.id, amount: '20' });
    expect(more.allocations.map((a) => a.amountCents)).toEqual([300, 300, 1000]);
    expect(more.remainderCents).toBe(400);

    const p = await admin.ok('settlement.paymentCreate', paymentOf(c.id, '4', [{ voucherId: late.id, amount: '2' }]));
    const forP = await admin.ok('settlement.allocationSuggest', { customerId: c.id, amount: '100', paymentId: p.id });
    expect(forP.allocations).toEqual([{ voucherId: sameDue.id, amountCents: 200 }]);
  });

  test('a remainder allocated later; 反核销 by a reversing row, once; the payment can be voided only when nothing stays allocated', async ({
    env,
    admin,
  }) => {
    const [c] = await customers(admin, ['甲公司']);
    const v1 = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-01', lines: [1000] });
    const v2 = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-02', lines: [800] });
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '15', [{ voucherId: v1.id, amount: '10' }], { date: '2026-01-02' }),
    );
    expect(p.unallocatedCents).toBe(500);

    env.clock.set('2026-01-08T03:00:00.000Z');
    await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' }); // a new day, a new session
    const later = await admin.ok('settlement.allocate', {
      paymentId: p.id,
      allocations: [{ voucherId: v2.id, amount: '5' }],
    });
    expect(later.unallocatedCents).toBe(0);
    expect(openOf(env.core, v2.id)).toBe(300);
    const dated = env.core.sqlite
      .prepare('SELECT date FROM settlement_allocations WHERE voucher_id = ?')
      .pluck()
      .get(v2.id);
    expect(dated).toBe('2026-01-08');
    const over = await admin.call('settlement.allocate', {
      paymentId: p.id,
      allocations: [{ voucherId: v2.id, amount: '0.01' }],
    });
    expect(over.ok ? null : over.error.messageKey).toBe('settlement.ledgerErrors.overAllocated');

    // voiding refused while anything is allocated
    const before = snapshot(env.core);
    const refused = await admin.call('settlement.paymentVoid', { id: p.id, reason: '录错' });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'settlement.ledgerErrors.paymentAllocated',
      params: { allocated: '15.00' },
    });
    expect(snapshot(env.core)).toBe(before);

    const first = later.allocations.find((a) => a.voucherId === v1.id);
    if (!first) throw new Error('no allocation');
    const undone = await admin.ok('settlement.allocationUndo', { allocationId: first.id, reason: '客户退回' });
    expect(undone.allocations.map((a) => [a.voucherNo, a.amountCents, a.undoes, a.undone])).toEqual([
      [v1.no, 1000, null, true],
      [v2.no, 500, null, false],
      [v1.no, -1000, first.id, false],
    ]);
    expect(statusOf(env.core, v1.id)).toBe('approved');
    expect(openOf(env.core, v1.id)).toBe(1000);
    expect(undone.unallocatedCents).toBe(1000);
    const again = await admin.call('settlement.allocationUndo', { allocationId: first.id, reason: '再来' });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'settlement.ledgerErrors.alreadyUndone',
      params: { no: v1.no },
    });
    const undoRow = undone.allocations[2];
    const ofUndo = await admin.call('settlement.allocationUndo', { allocationId: undoRow.id, reason: '再来' });
    expect(ofUndo.ok ? null : ofUndo.error.messageKey).toBe('settlement.ledgerErrors.notUndoable');

    const second = undone.allocations[1];
    await admin.ok('settlement.allocationUndo', { allocationId: second.id, reason: '重新核销' });
    const voided = await admin.ok('settlement.paymentVoid', { id: p.id, reason: '录错' });
    expect(voided).toMatchObject({ voided: true, voidReason: '录错', unallocatedCents: 0 });
    expect(
      env.core.sqlite
        .prepare(`SELECT amount_cents, date FROM settlement_ledger WHERE entry_key = ?`)
        .get(`paymentVoid:${p.id}`),
    ).toEqual({
      amount_cents: 1500,
      date: '2026-01-08',
    });
    expect(balanceOf(env.core, c.id)).toBe(1800);
    const twice = await admin.call('settlement.paymentVoid', { id: p.id, reason: '录错' });
    expect(twice.ok ? null : twice.error.messageKey).toBe('settlement.ledgerErrors.paymentVoided');
    const onVoided = await admin.call('settlement.allocate', {
      paymentId: p.id,
      allocations: [{ voucherId: v2.id, amount: '1' }],
    });
    expect(onVoided.ok ? null : onVoided.error.messageKey).toBe('settlement.ledgerErrors.paymentVoided');
    expect(paymentLog(env.core, p.id).map((l) => [l.action, l.reason])).toEqual([
      ['create', null],
      ['allocate', null],
      ['allocationUndo', '客户退回'],
      ['allocationUndo', '重新核销'],
      ['void', '录错'],
    ]);
  });

  test('a reversal’s credit is no payment allocation: it cannot be undone', async ({ env, admin }) => {
    const [c] = await customers(admin, ['甲公司']);
    const v = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-01', lines: [1000] });
    approvedReversal(env.core, v.id, 1000, '2025-12-05');
    expect(statusOf(env.core, v.id)).toBe('settled');
    const credit = env.core.sqlite
      .prepare('SELECT id FROM settlement_allocations WHERE voucher_id = ?')
      .pluck()
      .get(v.id) as number;
    const r = await admin.call('settlement.allocationUndo', { allocationId: credit, reason: '试试' });
    expect(r.ok ? null : r.error.messageKey).toBe('settlement.ledgerErrors.notUndoable');
  });
});
