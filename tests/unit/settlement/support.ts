import { randomUUID } from 'node:crypto';
import type { Core } from '../../../electron/core/core';
import type { ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import { reasonId } from '../status/support';
import type { TestClient, TestEnv } from '../support/test-core';

/**
 * 无票结算 test helpers: users of each role, customers with a credit limit, vouchers made,
 * submitted and approved through the channels (as the pages would).
 */
export interface People {
  admin: TestClient;
  manager: TestClient;
  finance: TestClient;
  finance2: TestClient;
  clerk: TestClient;
  viewer: TestClient;
}

/** One signed-in user of each role (two of finance: approvals racing). */
export async function people(env: TestEnv): Promise<People> {
  const admin = await env.admin();
  return {
    admin,
    manager: await env.userWithRoles('manager1', ['manager']),
    finance: await env.userWithRoles('finance1', ['finance']),
    finance2: await env.userWithRoles('finance2', ['finance']),
    clerk: await env.userWithRoles('clerk1', ['clerk']),
    viewer: await env.userWithRoles('viewer1', ['viewer']),
  };
}

/** A customer (made by the administrator); limit in 分, null: no limit. */
export async function customer(
  admin: TestClient,
  name: string,
  opts: { creditLimitCents?: number | null; creditDays?: number | null } = {},
) {
  const c = await admin.ok('customer.create', {
    name,
    nature: 'other',
    creditLimitCents: opts.creditLimitCents ?? null,
    creditDays: opts.creditDays ?? null,
  });
  return { id: c.id, code: c.code };
}

export const freeze = async (admin: TestClient, id: number) =>
  admin.ok('customer.freeze', {
    ids: [id],
    reasonId: await reasonId(admin, '信用风险'),
    memo: '逾期',
    acknowledgeOpenItems: true,
  });
export const deactivate = async (admin: TestClient, id: number) =>
  admin.ok('customer.deactivate', {
    ids: [id],
    reasonId: await reasonId(admin, '客户注销/倒闭'),
    acknowledgeOpenItems: true,
  });

type Line = ChannelInput<'settlement.voucherCreate'>['lines'][number];
/** One line of `amount` 元 (quantity 1). */
export const line = (amount: string, description = '货款'): Line => ({ description, quantity: '1', unitPrice: amount });

/** A voucher form: one line of `amount` 元 unless lines are given. */
export function voucherForm(
  customerId: number,
  amount = '100.00',
  extra: Partial<ChannelInput<'settlement.voucherCreate'>> = {},
): ChannelInput<'settlement.voucherCreate'> {
  return {
    clientId: randomUUID(),
    customerId,
    date: '2026-01-05',
    evidenceType: 'contract',
    evidenceRef: 'HT-001',
    lines: [line(amount)],
    ...extra,
  };
}

export type Voucher = ChannelOutput<'settlement.voucher'>;

/** Created and submitted by `author`. */
export const submitted = (
  author: TestClient,
  customerId: number,
  amount = '100.00',
  extra: Partial<ChannelInput<'settlement.voucherCreate'>> = {},
) => author.ok('settlement.voucherCreate', { ...voucherForm(customerId, amount, extra), submit: true });

/** Created and submitted by `author`, approved by `approver`. */
export async function approved(
  author: TestClient,
  approver: TestClient,
  customerId: number,
  amount = '100.00',
  extra: Partial<ChannelInput<'settlement.voucherCreate'>> = {},
): Promise<Voucher> {
  const v = await submitted(author, customerId, amount, extra);
  return approver.ok('settlement.voucherApprove', { id: v.id, version: v.version });
}

/** The operation log's rows of a voucher, oldest first. */
export function voucherLog(core: Core, id: number) {
  return core.sqlite
    .prepare(
      `SELECT action, changes, reason, user_name AS userName FROM operation_log WHERE entity = 'settlementVoucher' AND entity_id = ? ORDER BY id`,
    )
    .all(String(id)) as { action: string; changes: string | null; reason: string | null; userName: string | null }[];
}

/** The refusal of a call that should fail (its error), failing the test if it went through. */
export async function refusal<T>(
  p: Promise<
    | { ok: true; data: T }
    | { ok: false; error: { code: string; messageKey: string; params?: unknown; fields?: unknown } }
  >,
) {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

export const ledgerRows = (core: Core, customerId: number) =>
  core.sqlite
    .prepare(
      'SELECT kind, amount_cents AS amountCents, entry_key AS entryKey FROM settlement_ledger WHERE customer_id = ? ORDER BY id',
    )
    .all(customerId) as {
    kind: string;
    amountCents: number;
    entryKey: string;
  }[];

/** An edit of a voucher (voucherUpdate's input): the form's fields without the create-only ones. */
export function editForm(
  v: { id: number; version: number },
  customerId: number,
  amount = '100.00',
  extra: Partial<ChannelInput<'settlement.voucherUpdate'>> = {},
): ChannelInput<'settlement.voucherUpdate'> {
  const { clientId: _c, attachments: _a, submit: _s, ...fields } = voucherForm(customerId, amount);
  return { ...fields, id: v.id, version: v.version, ...extra };
}
