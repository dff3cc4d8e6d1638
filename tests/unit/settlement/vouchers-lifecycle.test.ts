import { describe, expect } from 'vitest';
import { test } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import {
  approved,
  customer,
  editForm,
  ledgerRows,
  line,
  people,
  refusal,
  submitted,
  voucherForm,
  voucherLog,
} from './support';

test.override({ jobs: 'inline' });

describe('a voucher’s life', () => {
  test('draft → submitted → approved: totals from the lines, due date from credit days, the ledger posted once, each step logged', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '甲贸易公司', { creditDays: 30 });
    const d = await p.clerk.ok('settlement.voucherCreate', {
      ...voucherForm(c.id),
      lines: [
        { description: '钢材', quantity: '3', unitPrice: '0.3333', unit: '吨' },
        { description: '运费', quantity: '1', unitPrice: '100', taxRateBp: 900 },
      ],
      memo: '首批',
    });
    expect(d).toMatchObject({
      no: 'LS20260105-0001',
      kind: 'normal',
      status: 'draft',
      date: '2026-01-05',
      dueDate: '2026-02-04',
      amountCents: 10100,
      taxCents: 900,
      totalCents: 11000,
      openCents: 0,
      createdByName: 'clerk1',
      version: 1,
      can: { edit: true, submit: true, approve: false, void: true, reverse: false },
    });
    expect(d.lines[0]).toMatchObject({
      quantity: '3',
      unitPrice: '0.3333',
      amountCents: 100,
      rounded: true,
      taxCents: 0,
      totalCents: 100,
      unit: '吨',
    });
    expect(d.lines[1]).toMatchObject({
      amountCents: 10000,
      rounded: false,
      taxRateBp: 900,
      taxCents: 900,
      totalCents: 10900,
    });

    const s = await p.clerk.ok('settlement.voucherSubmit', { id: d.id, version: d.version });
    expect(s).toMatchObject({ status: 'submitted', submittedByName: 'clerk1', can: { edit: false, approve: false } });
    expect((await p.finance.ok('settlement.voucher', { id: d.id })).can).toMatchObject({ approve: true, reject: true });
    const a = await p.finance.ok('settlement.voucherApprove', { id: d.id, version: s.version });
    expect(a).toMatchObject({
      status: 'approved',
      approvedByName: 'finance1',
      openCents: 11000,
      creditOverrideReason: null,
    });
    expect(ledgerRows(env.core, c.id)).toEqual([{ kind: 'voucher', amountCents: 11000, entryKey: `voucher:${d.id}` }]);
    expect(voucherLog(env.core, d.id).map((l) => [l.action, l.userName])).toEqual([
      ['create', 'clerk1'],
      ['submit', 'clerk1'],
      ['approve', 'finance1'],
    ]);
    expect(JSON.parse(voucherLog(env.core, d.id)[0].changes ?? '{}')).toMatchObject({
      no: { after: d.no },
      totalCents: { before: null, after: 11000 },
    });
    expect((await p.admin.ok('settlement.voucherCreate', voucherForm(c.id))).no).toBe('LS20260105-0002');
  });

  test('a resent form creates nothing twice; a stale version is CONFLICT', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '乙公司');
    const form = voucherForm(c.id);
    const a = await p.clerk.ok('settlement.voucherCreate', form);
    const b = await p.clerk.ok('settlement.voucherCreate', form);
    expect(b.id).toBe(a.id);
    await p.clerk.ok('settlement.voucherUpdate', editForm(a, c.id, '50'));
    expect((await refusal(p.clerk.call('settlement.voucherUpdate', editForm(a, c.id)))).code).toBe('CONFLICT');
    expect((await refusal(p.clerk.call('settlement.voucherSubmit', { id: a.id, version: a.version }))).code).toBe(
      'CONFLICT',
    );
  });

  test('draft and rejected are edited by their author or an approver, not by another clerk; the line figures are recomputed', async ({
    env,
  }) => {
    const p = await people(env);
    const other = await env.userWithRoles('clerk2', ['clerk']);
    const c = await customer(p.admin, '丙公司');
    const v = await submitted(p.clerk, c.id, '80');
    const r = await p.finance.ok('settlement.voucherReject', { id: v.id, version: v.version, reason: '证据不全' });
    expect(r).toMatchObject({ status: 'rejected', rejectReason: '证据不全', rejectedByName: 'finance1' });
    const form = editForm({ id: v.id, version: r.version }, c.id, '90.5');
    expect(await refusal(other.call('settlement.voucherUpdate', form))).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'settlement.errors.notAuthor',
    });
    const u = await p.clerk.ok('settlement.voucherUpdate', form);
    expect(u).toMatchObject({ status: 'rejected', totalCents: 9050 });
    const m = await p.manager.ok('settlement.voucherUpdate', { ...form, version: u.version, lines: [line('91')] });
    expect(m.totalCents).toBe(9100);
    const s = await p.clerk.ok('settlement.voucherSubmit', { id: v.id, version: m.version });
    expect(s.status).toBe('submitted');
    expect(voucherLog(env.core, v.id).map((l) => l.action)).toEqual([
      'create',
      'submit',
      'reject',
      'update',
      'update',
      'submit',
    ]);
    expect(voucherLog(env.core, v.id)[2].reason).toBe('证据不全');
  });

  test('void before approval with a reason; a void or approved voucher is locked', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '丁公司');
    const v = await submitted(p.clerk, c.id);
    expect(
      (await refusal(p.clerk.call('settlement.voucherVoid', { id: v.id, version: v.version, reason: ' ' }))).fields,
    ).toEqual({
      reason: 'settlement.validation.reasonRequired',
    });
    const x = await p.clerk.ok('settlement.voucherVoid', { id: v.id, version: v.version, reason: '重复录入' });
    expect(x).toMatchObject({
      status: 'void',
      voidReason: '重复录入',
      can: { edit: false, void: false, submit: false },
    });
    const before = snapshot(env.core);
    expect(await refusal(p.clerk.call('settlement.voucherSubmit', { id: v.id, version: x.version }))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const a = await approved(p.clerk, p.finance, c.id);
    const locked = await refusal(p.clerk.call('settlement.voucherUpdate', editForm(a, c.id)));
    expect(locked).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'settlement.errors.locked',
      params: { no: a.no },
    });
    expect(
      await refusal(p.clerk.call('settlement.voucherVoid', { id: a.id, version: a.version, reason: '想作废' })),
    ).toMatchObject({
      messageKey: 'settlement.errors.locked',
    });
    expect(snapshot(env.core)).not.toBe(before);
  });

  test('bad lines are refused in the core: zero or negative quantities, too many decimals, a due date before the date', async ({
    env,
  }) => {
    const p = await people(env);
    const c = await customer(p.admin, '戊公司');
    const bad = async (extra: object) =>
      refusal(p.clerk.call('settlement.voucherCreate', { ...voucherForm(c.id), ...extra }));
    expect((await bad({ lines: [{ description: '退货', quantity: '-1', unitPrice: '5' }] })).fields).toEqual({
      'lines.0.quantity': 'settlement.validation.quantityPositive',
    });
    expect((await bad({ lines: [{ description: '零', quantity: '0', unitPrice: '5' }] })).fields).toEqual({
      'lines.0.quantity': 'settlement.validation.quantityPositive',
    });
    expect((await bad({ lines: [{ description: '免费', quantity: '1', unitPrice: '0' }] })).fields).toEqual({
      lines: 'settlement.validation.totalPositive',
    });
    expect((await bad({ lines: [{ description: 'x', quantity: '1.0001', unitPrice: '5' }] })).fields).toEqual({
      'lines.0.quantity': 'settlement.validation.decimals',
    });
    expect((await bad({ dueDate: '2026-01-04' })).fields).toEqual({ dueDate: 'settlement.validation.dueBeforeDate' });
    expect((await bad({ lines: [] })).fields).toEqual({ lines: 'settlement.validation.noLines' });
    expect((await refusal(p.viewer.call('settlement.voucherCreate', voucherForm(c.id)))).code).toBe('FORBIDDEN');
  });

  test('the list: newest first, filters, open amounts and days overdue', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '己公司');
    const old = await approved(p.clerk, p.finance, c.id, '100', {
      date: '2025-11-01',
      dueDate: '2025-12-01',
      evidenceRef: 'DD-9',
    });
    const draft = await p.clerk.ok('settlement.voucherCreate', voucherForm(c.id, '20'));
    const all = await p.viewer.ok('settlement.vouchers', {});
    expect(all.total).toBe(2);
    expect(all.items.map((i) => i.id)).toEqual([draft.id, old.id]);
    expect(all.items[1]).toMatchObject({ openCents: 10000, daysOverdue: 35, customer: { code: c.code } });
    expect(all.items[0]).toMatchObject({ openCents: 0, daysOverdue: 0, status: 'draft' });
    expect((await p.viewer.ok('settlement.vouchers', { overdueOnly: true })).items.map((i) => i.id)).toEqual([old.id]);
    expect((await p.viewer.ok('settlement.vouchers', { q: 'dd-9' })).items.map((i) => i.id)).toEqual([old.id]);
    expect((await p.viewer.ok('settlement.vouchers', { status: ['draft'] })).items.map((i) => i.id)).toEqual([
      draft.id,
    ]);
    expect((await p.viewer.ok('settlement.vouchers', { dateFrom: '2026-01-01' })).total).toBe(1);
    const s = await submitted(p.clerk, c.id, '5');
    expect((await p.finance.ok('settlement.vouchers', { awaitingMe: true })).items.map((i) => i.id)).toEqual([s.id]);
    expect((await p.clerk.ok('settlement.vouchers', { awaitingMe: true })).total).toBe(0);
  });
});

describe('the list as the app runs it (a pool read on a worker thread)', () => {
  test.override({ reads: 'threads' });
  test('answers from the read pool', async ({ env }) => {
    const p = await people(env);
    const c = await customer(p.admin, '庚公司');
    const v = await approved(p.clerk, p.finance, c.id, '12.34');
    expect(await p.viewer.ok('settlement.vouchers', { customerId: c.id })).toMatchObject({
      total: 1,
      items: [{ id: v.id, openCents: 1234 }],
    });
  });
});
