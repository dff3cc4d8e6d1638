import type { z } from 'zod';
import type { Actor } from '../actor';
import { localDate } from '../clock';
import type { Core } from '../core';
import { NotFound } from '../errors';
import { allocationsBy } from './payment.rows';
import type {
  followUpSchema,
  VoucherDetail,
  VoucherStatus,
  VoucherSummary,
  voucherLineSchema,
} from './shared/settlement.contract';

/**
 * A voucher as the pages see it (detail with `can`). Reads only; the writers (vouchers.ts,
 * approval.ts, reversal.ts) answer with it after their transaction.
 */
export interface VoucherRow {
  id: number;
  no: string;
  clientId: string;
  kind: 'normal' | 'reversal';
  reversesId: number | null;
  status: VoucherStatus;
  customerId: number;
  date: string;
  dueDate: string;
  evidenceType: VoucherSummary['evidenceType'];
  evidenceRef: string | null;
  memo: string | null;
  amountCents: number;
  taxCents: number;
  totalCents: number;
  invoiceNo: string | null;
  invoicedAt: string | null;
  submittedAt: string | null;
  submittedBy: number | null;
  approvedAt: string | null;
  approvedBy: number | null;
  creditOverrideReason: string | null;
  rejectedAt: string | null;
  rejectedBy: number | null;
  rejectReason: string | null;
  voidedAt: string | null;
  voidedBy: number | null;
  voidReason: string | null;
  createdAt: string;
  createdBy: number | null;
  version: number;
}

export const VOUCHER_COLUMNS = `v.id, v.no, v.client_id AS clientId, v.kind, v.reverses_id AS reversesId, v.status, v.customer_id AS customerId,
  v.date, v.due_date AS dueDate, v.evidence_type AS evidenceType, v.evidence_ref AS evidenceRef, v.memo,
  v.amount_cents AS amountCents, v.tax_cents AS taxCents, v.total_cents AS totalCents, v.invoice_no AS invoiceNo, v.invoiced_at AS invoicedAt,
  v.submitted_at AS submittedAt, v.submitted_by AS submittedBy, v.approved_at AS approvedAt, v.approved_by AS approvedBy,
  v.credit_override_reason AS creditOverrideReason, v.rejected_at AS rejectedAt, v.rejected_by AS rejectedBy, v.reject_reason AS rejectReason,
  v.voided_at AS voidedAt, v.voided_by AS voidedBy, v.void_reason AS voidReason, v.created_at AS createdAt, v.created_by AS createdBy, v.version`;

export function loadVoucher(core: Core, id: number): VoucherRow {
  const row = core.sqlite.prepare(`SELECT ${VOUCHER_COLUMNS} FROM settlement_vouchers v WHERE v.id = ?`).get(id) as
    | VoucherRow
    | undefined;
  if (!row) throw NotFound();
  return row;
}

/** Approved or settled: what the ledger holds (amounts locked). */
export const isPosted = (status: VoucherStatus) => status === 'approved' || status === 'settled';

/** What is still owed on a voucher: total − allocations; 0 unless posted, and 0 for a reversal. */
export function openOf(core: Core, v: Pick<VoucherRow, 'id' | 'kind' | 'status' | 'totalCents'>): number {
  if (v.kind !== 'normal' || !isPosted(v.status)) return 0;
  const allocated = core.sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_allocations WHERE voucher_id = ?')
    .pluck()
    .get(v.id) as number;
  return v.totalCents - allocated;
}

/** Whole days from `from` to `to` (local dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const today = (core: Core) => localDate(core.clock.now());

export function daysOverdue(dueDate: string, openCents: number, asOf: string): number {
  return openCents > 0 ? Math.max(0, daysBetween(dueDate, asOf)) : 0;
}

const userName = (core: Core, id: number | null): string | null =>
  id == null
    ? null
    : ((core.sqlite.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ??
      null);

const customerRef = (core: Core, id: number) =>
  core.sqlite
    .prepare('SELECT id, code, name, status FROM customers WHERE id = ?')
    .get(id) as VoucherSummary['customer'];

/** The author may change a voucher, and so may whoever may approve (a manager tidying a clerk's draft). */
export const mayChange = (actor: Actor, v: Pick<VoucherRow, 'createdBy'>) =>
  actor.permissions.has('settlement.create') &&
  (v.createdBy === actor.id || actor.permissions.has('settlement.approve'));

/** The author (or the one who submitted it) never approves it. */
export const isOwn = (actor: Actor, v: Pick<VoucherRow, 'createdBy' | 'submittedBy'>) =>
  v.createdBy === actor.id || v.submittedBy === actor.id;

function canOf(actor: Actor, v: VoucherRow, open: number): VoucherDetail['can'] {
  const editable = v.status === 'draft' || v.status === 'rejected';
  const approver = actor.permissions.has('settlement.approve');
  const creator = actor.permissions.has('settlement.create');
  return {
    edit: editable && mayChange(actor, v),
    submit: editable && mayChange(actor, v),
    approve: v.status === 'submitted' && approver && !isOwn(actor, v),
    reject: v.status === 'submitted' && approver,
    void: (editable || v.status === 'submitted') && mayChange(actor, v),
    reverse: creator && v.kind === 'normal' && v.status === 'approved' && open > 0,
    attachInvoice: creator && v.kind === 'normal' && isPosted(v.status),
  };
}

type Line = z.infer<typeof voucherLineSchema>;
type FollowUp = z.infer<typeof followUpSchema>;

/** Thousandths or ten-thousandths as the shortest decimal text ("3.5", "-2", "12.3456"). */
export function scaledText(v: number, decimals: number): string {
  const neg = v < 0;
  const s = String(Math.abs(v)).padStart(decimals + 1, '0');
  const int = s.slice(0, s.length - decimals);
  const frac = s.slice(s.length - decimals).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

function linesOf(core: Core, id: number): Line[] {
  const rows = core.sqlite
    .prepare(
      `SELECT line_no AS lineNo, description, unit, quantity_milli AS q, unit_price AS p, amount_cents AS amountCents, rounded,
         tax_rate_bp AS taxRateBp, tax_cents AS taxCents FROM settlement_voucher_lines WHERE voucher_id = ? ORDER BY line_no`,
    )
    .all(id) as (Omit<Line, 'quantity' | 'unitPrice' | 'rounded' | 'totalCents'> & {
    q: number;
    p: number;
    rounded: number;
  })[];
  return rows.map(({ q, p, rounded, ...r }) => ({
    ...r,
    quantity: scaledText(q, 3),
    unitPrice: scaledText(p, 4),
    rounded: rounded === 1,
    totalCents: r.amountCents + r.taxCents,
  }));
}

export function followUpsOf(core: Core, where: string, arg: number, open: (voucherId: number) => number): FollowUp[] {
  const rows = core.sqlite
    .prepare(
      `SELECT f.id, f.voucher_id AS voucherId, v.no AS voucherNo, c.id AS cid, c.code, c.name, c.status, f.date, f.contact, f.note,
         f.promised_date AS promisedDate, f.promised_cents AS promisedCents, f.at AS createdAt, u.display_name AS createdByName
       FROM settlement_follow_ups f
       JOIN settlement_vouchers v ON v.id = f.voucher_id
       JOIN customers c ON c.id = v.customer_id
       LEFT JOIN users u ON u.id = f.by
       WHERE ${where} ORDER BY f.id`,
    )
    .all(arg) as (Omit<FollowUp, 'customer' | 'openCents'> & {
    cid: number;
    code: string;
    name: string;
    status: FollowUp['customer']['status'];
  })[];
  return rows.map(({ cid, code, name, status, ...r }) => ({
    ...r,
    customer: { id: cid, code, name, status },
    openCents: open(r.voucherId),
  }));
}

/** The voucher as the detail page shows it, with what this user may do now. */
export function voucherDetail(core: Core, actor: Actor, id: number): VoucherDetail {
  const v = loadVoucher(core, id);
  const open = openOf(core, v);
  const name = (uid: number | null) => userName(core, uid);
  const reverses =
    v.reversesId == null
      ? null
      : (core.sqlite.prepare('SELECT id, no FROM settlement_vouchers WHERE id = ?').get(v.reversesId) as {
          id: number;
          no: string;
        });
  const reversedBy = core.sqlite
    .prepare(
      "SELECT id, no, status, total_cents AS totalCents FROM settlement_vouchers WHERE reverses_id = ? AND kind = 'reversal' ORDER BY id",
    )
    .all(v.id) as VoucherDetail['reversedBy'];
  const attachments = core.sqlite
    .prepare(
      `SELECT a.id, a.role, a.file_name AS fileName, a.size, a.sha256, a.added_at AS addedAt, u.display_name AS addedByName
       FROM settlement_attachments a LEFT JOIN users u ON u.id = a.added_by WHERE a.voucher_id = ? AND a.hidden_at IS NULL ORDER BY a.id`,
    )
    .all(v.id) as VoucherDetail['attachments'];
  const notices = core.sqlite
    .prepare(
      `SELECT n.id, n.channel, n.memo, n.at, u.display_name AS byName FROM settlement_notices n LEFT JOIN users u ON u.id = n.by
       WHERE n.voucher_id = ? ORDER BY n.id`,
    )
    .all(v.id) as VoucherDetail['notices'];
  return {
    id: v.id,
    no: v.no,
    kind: v.kind,
    status: v.status,
    customer: customerRef(core, v.customerId),
    date: v.date,
    dueDate: v.dueDate,
    evidenceType: v.evidenceType,
    evidenceRef: v.evidenceRef,
    totalCents: v.totalCents,
    openCents: open,
    daysOverdue: daysOverdue(v.dueDate, open, today(core)),
    invoiced: v.invoiceNo != null,
    invoiceNo: v.invoiceNo,
    createdByName: name(v.createdBy),
    createdAt: v.createdAt,
    version: v.version,
    reverses,
    reversedBy,
    memo: v.memo,
    lines: linesOf(core, v.id),
    amountCents: v.amountCents,
    taxCents: v.taxCents,
    attachments,
    invoicedAt: v.invoicedAt,
    submittedAt: v.submittedAt,
    submittedByName: name(v.submittedBy),
    approvedAt: v.approvedAt,
    approvedByName: name(v.approvedBy),
    creditOverrideReason: v.creditOverrideReason,
    rejectedAt: v.rejectedAt,
    rejectedByName: name(v.rejectedBy),
    rejectReason: v.rejectReason,
    voidedAt: v.voidedAt,
    voidReason: v.voidReason,
    allocations: allocationsBy(core.sqlite, 'voucher_id', v.id),
    notices,
    followUps: followUpsOf(core, 'f.voucher_id = ?', v.id, () => open),
    can: canOf(actor, v, open),
  };
}
