import type { Actor } from '../actor';
import { diffFields } from '../audit/audit.log';
import { addDays } from '../clock';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import type { ParsedInput } from '../shared/contract';
import { assertCustomerCanTransact } from '../status/guard';
import { inTransaction } from '../transaction';
import { hideAttachments, insertAttachments, storeAttachments } from './attachments';
import { nextNo } from './ledger';
import type { VoucherDetail } from './shared/settlement.contract';
import { type Computed, computeLines, writeLines } from './voucher-lines';
import { type VoucherRow, voucherDetail } from './voucher-read';
import {
  assertMayChange,
  byClientId,
  closeRow,
  insertDraft,
  submitRow,
  told,
  voucherAt,
  voucherLog,
  wrongStatus,
} from './voucher-steps';

/**
 * A voucher's life before approval (the contract's header): created as a draft (or submitted in
 * the same step), edited while draft or rejected by its author (or whoever may approve), submitted,
 * rejected with a reason, voided with a reason; and, once posted, its invoice attached later.
 * Each step is one transaction with its operation-log row; a stale version is CONFLICT.
 * The status guard refuses frozen and deactivated customers when a voucher is created, edited or
 * submitted (and approved: approval.ts), with the state's reason in the message.
 */
type In<
  C extends
    | 'settlement.voucherCreate'
    | 'settlement.voucherUpdate'
    | 'settlement.voucherSubmit'
    | 'settlement.voucherReject'
    | 'settlement.voucherVoid'
    | 'settlement.voucherInvoice',
> = ParsedInput<C>;

/** The due date given, or the date plus the customer's credit days (0 when it has none); never before the date. */
function dueDateOf(core: Core, customerId: number, date: string, given: string | null | undefined): string {
  const days = core.sqlite.prepare('SELECT credit_days FROM customers WHERE id = ?').pluck().get(customerId) as
    | number
    | null;
  const due = given ?? addDays(date, Math.max(0, days ?? 0));
  if (due < date) throw InvalidField('dueDate', 'settlement.validation.dueBeforeDate');
  return due;
}

const figures = (c: Computed) => ({ amountCents: c.amountCents, taxCents: c.taxCents, totalCents: c.totalCents });

export async function createVoucher(
  core: Core,
  actor: Actor,
  input: In<'settlement.voucherCreate'>,
): Promise<VoucherDetail> {
  const replayed = byClientId(core, input.clientId);
  if (replayed) return voucherDetail(core, actor, replayed);
  // refused before any file is kept: the same pieces can then be sent again with the form
  assertCustomerCanTransact(core, input.customerId, 'create');
  const computed = computeLines(input.lines, 'normal');
  dueDateOf(core, input.customerId, input.date, input.dueDate);
  const files = await storeAttachments(core, actor, input.attachments);
  const id = inTransaction(core, () => {
    const again = byClientId(core, input.clientId);
    if (again) return again;
    const customer = assertCustomerCanTransact(core, input.customerId, 'create');
    const dueDate = dueDateOf(core, customer.id, input.date, input.dueDate);
    const now = core.clock.now();
    const at = now.toISOString();
    const no = nextNo(core, 'settlement_vouchers', 'LS', now);
    const newId = insertDraft(
      core,
      actor,
      at,
      {
        no,
        clientId: input.clientId,
        kind: 'normal',
        reversesId: null,
        customerId: customer.id,
        date: input.date,
        dueDate,
        evidenceType: input.evidenceType,
        evidenceRef: input.evidenceRef ?? null,
        memo: input.memo ?? null,
      },
      computed,
    );
    writeLines(core, newId, computed.lines);
    insertAttachments(core, newId, 'evidence', files, at, actor.id);
    const after = {
      no,
      customer: customer.code,
      date: input.date,
      dueDate,
      evidenceType: input.evidenceType,
      evidenceRef: input.evidenceRef ?? null,
      ...figures(computed),
      attachments: files.map((f) => f.fileName),
    };
    voucherLog(
      core,
      now,
      actor,
      newId,
      'create',
      diffFields(null, after, Object.keys(after) as (keyof typeof after)[]),
    );
    if (input.submit) submitRow(core, actor, newId, now, 'draft');
    return newId;
  });
  return told(core, id, voucherDetail(core, actor, id));
}

/** A reversal is not edited into something else: it is voided and made again. */
function editable(actor: Actor, v: VoucherRow): VoucherRow {
  assertMayChange(actor, v);
  if (v.kind !== 'normal') throw wrongStatus(v, 'settlement.errors.reversalNotEditable');
  return v;
}

const EDITED = [
  'customerId',
  'date',
  'dueDate',
  'evidenceType',
  'evidenceRef',
  'memo',
  'amountCents',
  'taxCents',
  'totalCents',
] as const;

export async function updateVoucher(
  core: Core,
  actor: Actor,
  input: In<'settlement.voucherUpdate'>,
): Promise<VoucherDetail> {
  editable(actor, voucherAt(core, input.id, input.version, ['draft', 'rejected']));
  assertCustomerCanTransact(core, input.customerId, 'create');
  const computed = computeLines(input.lines, 'normal');
  dueDateOf(core, input.customerId, input.date, input.dueDate);
  const files = await storeAttachments(core, actor, input.addAttachments);
  inTransaction(core, () => {
    const v = editable(actor, voucherAt(core, input.id, input.version, ['draft', 'rejected']));
    assertCustomerCanTransact(core, input.customerId, 'create');
    const dueDate = dueDateOf(core, input.customerId, input.date, input.dueDate);
    const now = core.clock.now();
    const at = now.toISOString();
    const next = {
      customerId: input.customerId,
      date: input.date,
      dueDate,
      evidenceType: input.evidenceType,
      evidenceRef: input.evidenceRef ?? null,
      memo: input.memo ?? null,
      ...figures(computed),
    };
    core.sqlite
      .prepare(
        `UPDATE settlement_vouchers SET customer_id = ?, date = ?, due_date = ?, evidence_type = ?, evidence_ref = ?, memo = ?,
           amount_cents = ?, tax_cents = ?, total_cents = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?`,
      )
      .run(
        next.customerId,
        next.date,
        next.dueDate,
        next.evidenceType,
        next.evidenceRef,
        next.memo,
        next.amountCents,
        next.taxCents,
        next.totalCents,
        at,
        actor.id,
        v.id,
      );
    writeLines(core, v.id, computed.lines);
    insertAttachments(core, v.id, 'evidence', files, at, actor.id);
    const hidden = hideAttachments(core, v.id, input.hideAttachmentIds, at, actor.id);
    const changes = diffFields(v, next, [...EDITED]);
    if (files.length) changes.attachmentsAdded = { before: null, after: files.map((f) => f.fileName) };
    if (hidden.length) changes.attachmentsHidden = { before: hidden, after: null };
    voucherLog(core, now, actor, v.id, 'update', changes);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}

export function submitVoucher(core: Core, actor: Actor, input: In<'settlement.voucherSubmit'>): VoucherDetail {
  inTransaction(core, () => {
    const v = voucherAt(core, input.id, input.version, ['draft', 'rejected']);
    assertMayChange(actor, v);
    if (v.kind === 'normal') assertCustomerCanTransact(core, v.customerId, 'create');
    const now = core.clock.now();
    submitRow(core, actor, v.id, now, v.status);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}

export function rejectVoucher(core: Core, actor: Actor, input: In<'settlement.voucherReject'>): VoucherDetail {
  inTransaction(core, () => {
    const v = voucherAt(core, input.id, input.version, ['submitted']);
    closeRow(core, actor, v, 'rejected', input.reason);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}

/** Before approval only (an approved voucher is corrected by a reversal); the row is kept, marked void. */
export function voidVoucher(core: Core, actor: Actor, input: In<'settlement.voucherVoid'>): VoucherDetail {
  inTransaction(core, () => {
    const v = voucherAt(core, input.id, input.version, ['draft', 'submitted', 'rejected']);
    assertMayChange(actor, v);
    closeRow(core, actor, v, 'void', input.reason);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}

/** The invoice that came later (已开票): its number and file on a posted voucher; the amounts stay as they are. */
export async function invoiceVoucher(
  core: Core,
  actor: Actor,
  input: In<'settlement.voucherInvoice'>,
): Promise<VoucherDetail> {
  const pre = voucherAt(core, input.id, input.version, ['approved', 'settled']);
  if (pre.kind !== 'normal') throw InvalidField('id', 'settlement.errors.reversalNoInvoice');
  const files = await storeAttachments(core, actor, input.attachment ? [input.attachment] : []);
  inTransaction(core, () => {
    const v = voucherAt(core, input.id, input.version, ['approved', 'settled']);
    const now = core.clock.now();
    const at = now.toISOString();
    core.sqlite
      .prepare(
        'UPDATE settlement_vouchers SET invoice_no = ?, invoiced_at = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      )
      .run(input.invoiceNo, at, at, actor.id, v.id);
    insertAttachments(core, v.id, 'invoice', files, at, actor.id);
    const changes = diffFields({ invoiceNo: v.invoiceNo }, { invoiceNo: input.invoiceNo }, ['invoiceNo']);
    if (files.length) changes.invoiceFile = { before: null, after: files[0].fileName };
    voucherLog(core, now, actor, v.id, 'invoice', changes);
  });
  return told(core, input.id, voucherDetail(core, actor, input.id));
}
