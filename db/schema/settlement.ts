import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { auditColumns } from './columns';
import { customers } from './customers';
import { lookups } from './lookups';
import { users } from './users';

/**
 * 无票结算 (electron/core/settlement): receivable vouchers (临时凭证) and payments (收款) are
 * documents; what they mean for a customer's balance is in the append-only ledger, and what a
 * payment or a reversal paid of a voucher in the append-only allocations. A balance is a SQL sum
 * of ledger rows, an open amount a voucher's total minus its allocations: nothing stored that can
 * drift. Money is integer 分.
 *
 * Customer references that a merge moves (Feature.customerReferences): settlement_vouchers and
 * settlement_payments `customer_id` (follow-ups, notices and allocations reach the customer through them). The ledger keeps each row's customer
 * (history): a merge posts a transfer pair (transferOut on the duplicate, transferIn on the
 * survivor) instead.
 */
export const settlementVouchers = sqliteTable(
  'settlement_vouchers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 凭证号: LS + local date + '-' + 4-digit sequence of that day, e.g. LS20261201-0001 (红字: HZ…) */
    no: text('no').notNull(),
    /** the form's id: a resent create answers the stored voucher */
    clientId: text('client_id').notNull(),
    kind: text('kind').$type<'normal' | 'reversal'>().notNull(),
    /** for a reversal: the approved voucher it corrects */
    reversesId: integer('reverses_id'),
    status: text('status').$type<'draft' | 'submitted' | 'approved' | 'rejected' | 'settled' | 'void'>().notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** local dates 'YYYY-MM-DD' */
    date: text('date').notNull(),
    dueDate: text('due_date').notNull(),
    evidenceType: text('evidence_type').notNull(),
    evidenceRef: text('evidence_ref'),
    memo: text('memo'),
    /** Σ line amounts, Σ line taxes, and their sum (computed in the core from the lines; negative for a reversal) */
    amountCents: integer('amount_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    invoiceNo: text('invoice_no'),
    invoicedAt: text('invoiced_at'),
    submittedAt: text('submitted_at'),
    submittedBy: integer('submitted_by').references(() => users.id),
    approvedAt: text('approved_at'),
    approvedBy: integer('approved_by').references(() => users.id),
    creditOverrideReason: text('credit_override_reason'),
    rejectedAt: text('rejected_at'),
    rejectedBy: integer('rejected_by').references(() => users.id),
    rejectReason: text('reject_reason'),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    ...auditColumns,
  },
  (t) => [
    uniqueIndex('settlement_vouchers_no').on(t.no),
    uniqueIndex('settlement_vouchers_client').on(t.clientId),
    index('settlement_vouchers_customer').on(t.customerId, t.status, t.dueDate),
    index('settlement_vouchers_status_due').on(t.status, t.dueDate),
    index('settlement_vouchers_reverses').on(t.reversesId),
    // aging and the review rules: the approved normal vouchers (the only ones with an open amount)
    index('settlement_vouchers_open')
      .on(t.customerId, t.dueDate, t.totalCents, t.date)
      .where(sql`status = 'approved' AND kind = 'normal'`),
  ],
);

/** A voucher's lines: quantity in thousandths, unit price in ten-thousandths of a 元, amounts in 分. */
export const settlementVoucherLines = sqliteTable(
  'settlement_voucher_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => settlementVouchers.id),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    unit: text('unit'),
    /** thousandths (3.5 → 3500); as TEXT of the integer when beyond 2^53 is impossible: bounded by the contract */
    quantityMilli: integer('quantity_milli').notNull(),
    /** ten-thousandths of a 元 (12.3456 → 123456) */
    unitPrice: integer('unit_price').notNull(),
    amountCents: integer('amount_cents').notNull(),
    rounded: integer('rounded', { mode: 'boolean' }).notNull(),
    taxRateBp: integer('tax_rate_bp'),
    taxCents: integer('tax_cents').notNull(),
  },
  (t) => [uniqueIndex('settlement_voucher_lines_no').on(t.voucherId, t.lineNo)],
);

/**
 * Files attached to a voucher (evidence, or the invoice later), stored in the data folder's
 * `attachments/<sha256>` (never swept). A draft may hide an evidence file (`hidden_at`); the row
 * and the bytes stay.
 */
export const settlementAttachments = sqliteTable(
  'settlement_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => settlementVouchers.id),
    role: text('role').$type<'evidence' | 'invoice'>().notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id),
    hiddenAt: text('hidden_at'),
    hiddenBy: integer('hidden_by').references(() => users.id),
  },
  (t) => [index('settlement_attachments_voucher').on(t.voucherId)],
);

/** 收款: a payment received. Its customer moves with a merge; a void is marked (the ledger posts it back). */
export const settlementPayments = sqliteTable(
  'settlement_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SK + local date + '-' + 4-digit sequence, e.g. SK20261201-0001 */
    no: text('no').notNull(),
    clientId: text('client_id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** the managed 结算方式 list */
    methodId: integer('method_id').references(() => lookups.id),
    reference: text('reference'),
    memo: text('memo'),
    voidedAt: text('voided_at'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
    ...auditColumns,
  },
  (t) => [
    uniqueIndex('settlement_payments_no').on(t.no),
    uniqueIndex('settlement_payments_client').on(t.clientId),
    index('settlement_payments_customer').on(t.customerId, t.date),
    index('settlement_payments_date').on(t.date, t.id),
  ],
);

/**
 * 核销: an amount of a payment (or of an approved reversal voucher) set against a voucher.
 * Append-only; 反核销 is a row with the negative amount that `undoes` the original (one undo per
 * allocation: unique). `date` is the business date (the payment's, or the undo's), for aging as of a date.
 */
export const settlementAllocations = sqliteTable(
  'settlement_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => settlementVouchers.id),
    paymentId: integer('payment_id').references(() => settlementPayments.id),
    creditVoucherId: integer('credit_voucher_id').references(() => settlementVouchers.id),
    amountCents: integer('amount_cents').notNull(),
    undoes: integer('undoes'),
    reason: text('reason'),
    date: text('date').notNull(),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
  },
  (t) => [
    // Σ per voucher, as of a date too (aging as of a past date): covering
    index('settlement_allocations_voucher').on(t.voucherId, t.date, t.amountCents),
    index('settlement_allocations_payment').on(t.paymentId, t.amountCents),
    index('settlement_allocations_date').on(t.date),
    uniqueIndex('settlement_allocations_undoes').on(t.undoes),
  ],
);

/**
 * The receivables ledger: one row per posting, append-only. `entry_key` makes a posting once only
 * ('voucher:<id>' on approval, 'payment:<id>', 'paymentVoid:<id>', 'merge:<logId>:out' / ':in').
 * amount: + the customer owes more, − less.
 */
export const settlementLedger = sqliteTable(
  'settlement_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryKey: text('entry_key').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** business date 'YYYY-MM-DD' (the voucher's date, the payment's date, the merge's date) */
    date: text('date').notNull(),
    kind: text('kind').$type<'voucher' | 'reversal' | 'payment' | 'paymentVoid' | 'transferIn' | 'transferOut'>().notNull(),
    amountCents: integer('amount_cents').notNull(),
    voucherId: integer('voucher_id').references(() => settlementVouchers.id),
    paymentId: integer('payment_id').references(() => settlementPayments.id),
    /** for a transfer: the other customer of the merge */
    otherCustomerId: integer('other_customer_id').references(() => customers.id),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('settlement_ledger_entry').on(t.entryKey),
    index('settlement_ledger_customer').on(t.customerId, t.date, t.amountCents),
  ],
);

/** 结算通知 sent: when and how (打印 / 邮件 / 微信 / 当面). Append-only. */
export const settlementNotices = sqliteTable(
  'settlement_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => settlementVouchers.id),
    channel: text('channel').notNull(),
    memo: text('memo'),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
  },
  (t) => [index('settlement_notices_voucher').on(t.voucherId)],
);

/** 跟进: a follow-up on a voucher (its customer is the voucher's), with the payment promised (date, amount). Append-only. */
export const settlementFollowUps = sqliteTable(
  'settlement_follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voucherId: integer('voucher_id')
      .notNull()
      .references(() => settlementVouchers.id),
    date: text('date').notNull(),
    contact: text('contact'),
    note: text('note').notNull(),
    promisedDate: text('promised_date'),
    promisedCents: integer('promised_cents'),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
  },
  (t) => [
    index('settlement_follow_ups_voucher').on(t.voucherId),
    index('settlement_follow_ups_promised').on(t.promisedDate),
  ],
);
