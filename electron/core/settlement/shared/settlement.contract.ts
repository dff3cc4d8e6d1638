import { z } from 'zod';
import { customerStatusSchema } from '../../customers/shared/state.schema';
import { optText, reqText } from '../../customers/shared/value.schemas';
import { channel, pageField, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeMultiline } from '../../shared/normalize';
import { MAX_CENTS, MONEY_DECIMALS, PRICE_DECIMALS, parseScaled, QTY_DECIMALS } from './amounts';

/**
 * 无票结算: receivables recorded without an invoice, as a small exact ledger.
 *
 * Documents
 * - 临时凭证 (voucher): draft → submitted → approved | rejected; approved → settled when its open
 *   amount reaches 0 (and back to approved when an allocation is undone); draft, submitted or
 *   rejected → void (with a reason; never once approved). Draft and rejected are editable; an
 *   approved voucher is locked: a correction is a 红字 reversal voucher (kind 'reversal', negative
 *   lines) that references it, goes through the same approval and, once approved, reduces the
 *   original's open amount by a credit allocation.
 * - 收款 (payment): allocated (核销) to open vouchers; the remainder is the customer's 预收;
 *   an allocation is undone (反核销) by a reversing allocation row; a payment with nothing
 *   allocated can be voided (a reversing ledger row).
 *
 * The ledger (settlement_ledger) and the allocations are append-only; a balance is a SQL sum.
 * Sign convention of the ledger: + what the customer owes more (an approved voucher), − less
 * (an approved reversal, a payment); a voided payment posts its amount back (+).
 */

export const VOUCHER_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'settled', 'void'] as const;
export const voucherStatusSchema = z.enum(VOUCHER_STATUSES);
export type VoucherStatus = z.infer<typeof voucherStatusSchema>;

export const VOUCHER_KINDS = ['normal', 'reversal'] as const;
export const voucherKindSchema = z.enum(VOUCHER_KINDS);

/** The evidence a voucher rests on: 发票 / 合同 / 订单 / 送货单 / 收据 / 其他. */
export const EVIDENCE_TYPES = ['invoice', 'contract', 'order', 'deliveryNote', 'receipt', 'other'] as const;
export const evidenceTypeSchema = z.enum(EVIDENCE_TYPES);

/** How a settlement notice reached the customer: 打印 / 邮件 / 微信 / 当面. */
export const NOTICE_CHANNELS = ['print', 'email', 'wechat', 'inPerson'] as const;
export const noticeChannelSchema = z.enum(NOTICE_CHANNELS);

/** Aging buckets by days overdue (past the due date) as of a date: 0-30 / 31-60 / 61-90 / 90+. */
export const AGING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

/** Attachments: at most this many bytes each (scans and photos of contracts, delivery notes). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Pieces of an attachment travel up and down in pieces of this size (before base64). */
export const ATTACHMENT_PART_BYTES = 512 * 1024;

const id = z.number('validation.required').int().positive();
const version = z.number().int().min(0);
const cents = z.number().int();
/** a calendar date as the user picked it (YYYY-MM-DD, the office's local date) */
export const ymdSchema = z
  .string('validation.required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'settlement.validation.date')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'settlement.validation.date',
  );
const reason = z
  .string('settlement.validation.reasonRequired')
  .superRefine(refuseHiddenChars)
  .transform(normalizeMultiline)
  .pipe(z.string().min(1, 'settlement.validation.reasonRequired').max(500, 'validation.tooLong'));
const memo = optText(500, normalizeMultiline);
/** an id made by the client for a form it may send twice (a resend after a timeout is a no-op) */
const clientId = z.string().regex(/^[0-9A-Za-z-]{8,64}$/, 'validation.invalid');

/**
 * A decimal typed by hand, as an integer of `decimals` places (amounts.ts parseScaled: full-width
 * digits, separators, ¥ and 元 are read; more decimals than allowed are refused, never rounded).
 * Numbers are accepted too (a spreadsheet cell), as their shortest decimal text.
 */
const scaled = (decimals: number, opts: { min?: bigint; max?: bigint }) =>
  z.union([z.string(), z.number()], 'settlement.validation.number').transform((v, ctx) => {
    const r = parseScaled(typeof v === 'number' ? String(v) : v, decimals);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.key });
      return z.NEVER;
    }
    if ((opts.min !== undefined && r.value < opts.min) || (opts.max !== undefined && r.value > opts.max)) {
      ctx.addIssue({ code: 'custom', message: 'settlement.validation.range' });
      return z.NEVER;
    }
    return r.value;
  });
/** money typed by hand (元, 2 decimals) → integer 分, > 0 */
export const moneyInputSchema = scaled(MONEY_DECIMALS, { min: 1n, max: BigInt(MAX_CENTS) }).transform(Number);
/** quantity: 3 decimals, as thousandths (bigint), non-zero; negative only on reversal lines (checked in the core) */
export const quantityInputSchema = scaled(QTY_DECIMALS, { min: -1_000_000_000_000n, max: 1_000_000_000_000n });
/** unit price: 4 decimals of a 元, as ten-thousandths (bigint), ≥ 0 */
export const unitPriceInputSchema = scaled(PRICE_DECIMALS, { min: 0n, max: 1_000_000_000_000_000n });
/** tax rate in basis points (13% → 1300), 0–100% */
export const taxRateSchema = z
  .number()
  .int()
  .min(0, 'settlement.validation.range')
  .max(10_000, 'settlement.validation.range')
  .nullable()
  .optional();

export const voucherLineInputSchema = z
  .object({
    description: reqText(200),
    quantity: quantityInputSchema,
    unitPrice: unitPriceInputSchema,
    /** basis points; null: no tax on this line */
    taxRateBp: taxRateSchema,
    unit: optText(20),
  })
  .strict();

/** An attachment already sent with settlement.uploadPart: its parts id and its name. */
export const attachmentInputSchema = z
  .object({ partsId: z.string().regex(/^[0-9a-f]{32}$/), fileName: z.string().min(1).max(255) })
  .strict();

const voucherFields = {
  customerId: id,
  /** the voucher's business date */
  date: ymdSchema,
  /** default: date + the customer's credit days (0 when it has none) */
  dueDate: ymdSchema.nullable().optional(),
  evidenceType: evidenceTypeSchema,
  evidenceRef: optText(100),
  memo,
  lines: z.array(voucherLineInputSchema).min(1, 'settlement.validation.noLines').max(200, 'validation.range'),
};

const customerRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: customerStatusSchema,
});

export const voucherLineSchema = z.object({
  lineNo: z.number().int(),
  description: z.string(),
  unit: z.string().nullable(),
  /** thousandths, as a decimal string for display ("3.5") */
  quantity: z.string(),
  /** ten-thousandths of a 元, as a decimal string ("12.3456") */
  unitPrice: z.string(),
  amountCents: cents,
  /** quantity × price was not a whole 分: the amount was rounded half away from zero */
  rounded: z.boolean(),
  taxRateBp: z.number().int().nullable(),
  taxCents: cents,
  totalCents: cents,
});

export const attachmentSchema = z.object({
  id: z.number().int(),
  /** evidence (凭据) or the invoice attached later */
  role: z.enum(['evidence', 'invoice']),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  addedByName: z.string().nullable(),
});

export const voucherSummarySchema = z.object({
  id: z.number().int(),
  no: z.string(),
  kind: voucherKindSchema,
  status: voucherStatusSchema,
  customer: customerRef,
  date: z.string(),
  dueDate: z.string(),
  evidenceType: evidenceTypeSchema,
  evidenceRef: z.string().nullable(),
  totalCents: cents,
  /** what is still owed on it: total − allocations (payments and reversals); 0 unless approved */
  openCents: cents,
  /** days past the due date as of today (0 when not yet due or not open) */
  daysOverdue: z.number().int(),
  invoiced: z.boolean(),
  invoiceNo: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type VoucherSummary = z.infer<typeof voucherSummarySchema>;

export const allocationSchema = z.object({
  id: z.number().int(),
  voucherId: z.number().int(),
  voucherNo: z.string(),
  /** the payment, or the approved reversal voucher, that the amount came from */
  paymentId: z.number().int().nullable(),
  paymentNo: z.string().nullable(),
  creditVoucherId: z.number().int().nullable(),
  creditVoucherNo: z.string().nullable(),
  /** + allocated; − an undo (反核销) of the allocation `undoes` */
  amountCents: cents,
  undoes: z.number().int().nullable(),
  /** an allocation already undone (its undo row exists) */
  undone: z.boolean(),
  reason: z.string().nullable(),
  at: z.string(),
  byName: z.string().nullable(),
});

export const followUpSchema = z.object({
  id: z.number().int(),
  voucherId: z.number().int(),
  voucherNo: z.string(),
  customer: customerRef,
  date: z.string(),
  contact: z.string().nullable(),
  note: z.string(),
  promisedDate: z.string().nullable(),
  promisedCents: cents.nullable(),
  /** the voucher's open amount now */
  openCents: cents,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const noticeSentSchema = z.object({
  id: z.number().int(),
  channel: noticeChannelSchema,
  memo: z.string().nullable(),
  at: z.string(),
  byName: z.string().nullable(),
});

export const voucherDetailSchema = voucherSummarySchema.extend({
  reverses: z.object({ id: z.number().int(), no: z.string() }).nullable(),
  reversedBy: z.array(
    z.object({ id: z.number().int(), no: z.string(), status: voucherStatusSchema, totalCents: cents }),
  ),
  memo: z.string().nullable(),
  lines: z.array(voucherLineSchema),
  amountCents: cents,
  taxCents: cents,
  attachments: z.array(attachmentSchema),
  invoicedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  /** the reason given when approval went past the credit limit */
  creditOverrideReason: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  allocations: z.array(allocationSchema),
  notices: z.array(noticeSentSchema),
  followUps: z.array(followUpSchema),
  /** what the current user may do now (the core decides; the page only shows the buttons) */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    reject: z.boolean(),
    void: z.boolean(),
    reverse: z.boolean(),
    attachInvoice: z.boolean(),
  }),
});
export type VoucherDetail = z.infer<typeof voucherDetailSchema>;

/** Confirming the customer before a voucher or payment: state, credit and what it owes now. */
export const customerCreditSchema = z.object({
  customer: customerRef.extend({
    statusReasonName: z.string().nullable(),
    statusMemo: z.string().nullable(),
    salespersonName: z.string().nullable(),
    taxId: z.string().nullable(),
  }),
  creditLimitCents: cents.nullable(),
  creditDays: z.number().int().nullable(),
  /** the ledger's sum: vouchers − reversals − payments (+ voided payments) */
  balanceCents: cents,
  /** payments not yet allocated (预收) */
  advanceCents: cents,
  /** approved vouchers' open amounts */
  openCents: cents,
  overdueCents: cents,
  /** vouchers submitted and not yet approved (what approving them would add) */
  pendingCents: cents,
  /** null: no limit */
  availableCents: cents.nullable(),
  /** refused for new vouchers (frozen or deactivated): the reason key, as the status guard gives it */
  refusedKey: z.string().nullable(),
});

export const paymentSummarySchema = z.object({
  id: z.number().int(),
  no: z.string(),
  customer: customerRef,
  date: z.string(),
  amountCents: cents,
  allocatedCents: cents,
  /** amount − allocated: the advance (预收) still free */
  unallocatedCents: cents,
  methodId: z.number().int().nullable(),
  methodName: z.string().nullable(),
  reference: z.string().nullable(),
  memo: z.string().nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const paymentDetailSchema = paymentSummarySchema.extend({ allocations: z.array(allocationSchema) });

export const allocationInputSchema = z.object({ voucherId: id, amount: moneyInputSchema }).strict();

export const statementRowSchema = z.object({
  date: z.string(),
  kind: z.enum(['voucher', 'reversal', 'payment', 'paymentVoid', 'transferIn', 'transferOut']),
  /** the voucher or payment number, or the other customer's code for a merge transfer */
  ref: z.string(),
  description: z.string().nullable(),
  /** + increases what is owed, − decreases it */
  debitCents: cents,
  creditCents: cents,
  balanceCents: cents,
});
export const statementSchema = z.object({
  customer: customerCreditSchema.shape.customer,
  from: z.string(),
  to: z.string(),
  openingCents: cents,
  rows: z.array(statementRowSchema),
  debitCents: cents,
  creditCents: cents,
  closingCents: cents,
  company: z.lazy(() => companySchema),
});

export const agingRowSchema = z.object({
  customer: customerRef.extend({ salespersonName: z.string().nullable(), categoryName: z.string().nullable() }),
  /** open vouchers' amounts not yet due (as of the date) */
  notDueCents: cents,
  d0_30: cents,
  d31_60: cents,
  d61_90: cents,
  d90_plus: cents,
  /** all open amounts of the customer as of the date (not due + every bucket) */
  openCents: cents,
  /** unallocated payments as of the date */
  advanceCents: cents,
  creditLimitCents: cents.nullable(),
  oldestDueDate: z.string().nullable(),
});
export const agingFiltersSchema = z
  .object({
    /** as of this date: later vouchers, payments, allocations and undos are ignored; default today */
    asOf: ymdSchema.optional(),
    salespersonId: id.nullable().optional(),
    categoryId: id.nullable().optional(),
    status: customerStatusSchema.nullable().optional(),
    q: optText(100),
    /** only customers with something overdue */
    overdueOnly: z.boolean().optional(),
  })
  .strict();

/** Company header, tax ID, bank details and payment instructions printed on notices and statements. */
export const companySchema = z.object({
  name: z.string().nullable(),
  taxId: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  paymentNote: z.string().nullable(),
});
export const companyInputSchema = z
  .object({
    name: optText(100),
    taxId: optText(30),
    address: optText(200),
    phone: optText(50),
    bankName: optText(100),
    bankAccount: optText(50),
    paymentNote: optText(500, normalizeMultiline),
  })
  .strict();

const view = { permission: 'settlement.view' } as const;
const create = { permission: 'settlement.create' } as const;
const approve = { permission: 'settlement.approve' } as const;
const collect = { permission: 'settlement.collect' } as const;
const listOut = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const settlementContract = {
  // ── customers ────────────────────────────────────────────────────────────────────────────────
  /** The customer as the voucher and payment forms confirm it, by id or by its code (a scanned label). */
  'settlement.customer': channel({
    access: view,
    input: z.union([z.object({ customerId: id }).strict(), z.object({ code: z.string().min(1).max(64) }).strict()]),
    output: customerCreditSchema,
  }),

  // ── vouchers ─────────────────────────────────────────────────────────────────────────────────
  'settlement.vouchers': channel({
    access: view,
    input: z
      .object({
        status: z.array(voucherStatusSchema).max(VOUCHER_STATUSES.length).optional(),
        customerId: id.optional(),
        /** number, customer code or name, evidence reference, invoice number */
        q: optText(100),
        dateFrom: ymdSchema.optional(),
        dateTo: ymdSchema.optional(),
        overdueOnly: z.boolean().optional(),
        /** vouchers waiting for the current user's approval (submitted by someone else) */
        awaitingMe: z.boolean().optional(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: listOut(voucherSummarySchema),
  }),
  'settlement.voucher': channel({ access: view, input: z.object({ id }).strict(), output: voucherDetailSchema }),
  /** A new draft; `submit` also submits it (one step for the clerk). */
  'settlement.voucherCreate': channel({
    access: create,
    writes: true,
    input: z
      .object({
        ...voucherFields,
        clientId,
        attachments: z.array(attachmentInputSchema).max(20).default([]),
        submit: z.boolean().default(false),
      })
      .strict(),
    output: voucherDetailSchema,
  }),
  /** A draft or rejected voucher changed by its author (or a manager); attachments are only added, never lost. */
  'settlement.voucherUpdate': channel({
    access: create,
    writes: true,
    input: z
      .object({
        id,
        version,
        ...voucherFields,
        addAttachments: z.array(attachmentInputSchema).max(20).default([]),
        /** evidence files no longer shown on the voucher (the bytes stay in the data folder) */
        hideAttachmentIds: z.array(id).max(100).default([]),
      })
      .strict(),
    output: voucherDetailSchema,
  }),
  'settlement.voucherSubmit': channel({
    access: create,
    writes: true,
    input: z.object({ id, version }).strict(),
    output: voucherDetailSchema,
  }),
  /**
   * Approval: never by the voucher's author or submitter. Over the credit limit (the customer's
   * ledger balance + this total > limit) it needs `settlement.override_credit` and `overrideReason`.
   */
  'settlement.voucherApprove': channel({
    access: approve,
    writes: true,
    input: z.object({ id, version, overrideReason: reason.optional() }).strict(),
    output: voucherDetailSchema,
  }),
  'settlement.voucherReject': channel({
    access: approve,
    writes: true,
    input: z.object({ id, version, reason }).strict(),
    output: voucherDetailSchema,
  }),
  /** Before any payment or approval: draft, submitted or rejected. */
  'settlement.voucherVoid': channel({
    access: create,
    writes: true,
    input: z.object({ id, version, reason }).strict(),
    output: voucherDetailSchema,
  }),
  /**
   * A 红字 reversal of an approved voucher: a new draft of kind 'reversal' referencing it, its lines
   * the original's negated (all of them, or `lines` given), at most the original's open amount.
   */
  'settlement.voucherReverse': channel({
    access: create,
    writes: true,
    input: z
      .object({
        id,
        clientId,
        reason,
        date: ymdSchema,
        lines: z.array(voucherLineInputSchema).min(1).max(200).optional(),
        submit: z.boolean().default(false),
      })
      .strict(),
    output: voucherDetailSchema,
  }),
  /** The invoice that came later: its number (and file) on an approved voucher; amounts unchanged. */
  'settlement.voucherInvoice': channel({
    access: create,
    writes: true,
    input: z.object({ id, version, invoiceNo: reqText(50), attachment: attachmentInputSchema.optional() }).strict(),
    output: voucherDetailSchema,
  }),

  // ── attachments ──────────────────────────────────────────────────────────────────────────────
  /** One piece of a file on its way up (as customer.importUploadPart); the first piece has no partsId. */
  'settlement.uploadPart': channel({
    access: create,
    input: z
      .object({
        partsId: z
          .string()
          .regex(/^[0-9a-f]{32}$/)
          .optional(),
        offset: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
        dataBase64: z
          .string()
          .min(1, 'settlement.validation.emptyFile')
          .max(Math.ceil(ATTACHMENT_PART_BYTES / 3) * 4, 'settlement.validation.tooLarge'),
      })
      .strict(),
    output: z.object({ partsId: z.string(), size: z.number().int() }),
  }),
  /** A piece of an attachment on its way down. */
  'settlement.attachmentPart': channel({
    access: view,
    input: z.object({ id, offset: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES) }).strict(),
    output: z.object({ fileName: z.string(), size: z.number().int(), dataBase64: z.string(), done: z.boolean() }),
  }),

  // ── notices ──────────────────────────────────────────────────────────────────────────────────
  /** What the printed 结算通知 shows: company, customer, lines, total and 大写, due date, evidence, how to pay. */
  'settlement.notice': channel({
    access: view,
    input: z.object({ voucherId: id }).strict(),
    output: z.object({
      company: companySchema,
      voucher: voucherDetailSchema,
      customer: customerCreditSchema.shape.customer,
      amountInWords: z.string(),
      printedAt: z.string(),
    }),
  }),
  'settlement.noticeSent': channel({
    access: create,
    writes: true,
    input: z.object({ voucherId: id, channel: noticeChannelSchema, memo }).strict(),
    output: noticeSentSchema,
  }),

  // ── payments ─────────────────────────────────────────────────────────────────────────────────
  'settlement.payments': channel({
    access: view,
    input: z
      .object({
        customerId: id.optional(),
        q: optText(100),
        dateFrom: ymdSchema.optional(),
        dateTo: ymdSchema.optional(),
        /** only payments with an unallocated remainder (预收) */
        withAdvance: z.boolean().optional(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: listOut(paymentSummarySchema),
  }),
  'settlement.payment': channel({ access: view, input: z.object({ id }).strict(), output: paymentDetailSchema }),
  /** The split the payment form suggests: oldest due first over the customer's open vouchers. */
  'settlement.allocationSuggest': channel({
    access: collect,
    input: z.object({ customerId: id, amount: moneyInputSchema, paymentId: id.optional() }).strict(),
    output: z.object({
      open: z.array(voucherSummarySchema),
      allocations: z.array(z.object({ voucherId: z.number().int(), amountCents: cents })),
      remainderCents: cents,
    }),
  }),
  /**
   * A payment, allocated as given (Σ ≤ amount, each ≤ the voucher's open amount, vouchers of this
   * customer); the remainder stays as 预收. Frozen and deactivated customers may pay (old debt).
   * `clientId`: a resent form is answered with the stored payment (`replayed`), nothing twice.
   */
  'settlement.paymentCreate': channel({
    access: collect,
    writes: true,
    input: z
      .object({
        clientId,
        customerId: id,
        date: ymdSchema,
        amount: moneyInputSchema,
        methodId: id.nullable().optional(),
        reference: optText(100),
        memo,
        allocations: z.array(allocationInputSchema).max(500).default([]),
      })
      .strict(),
    output: paymentDetailSchema.extend({ replayed: z.boolean() }),
  }),
  /** Allocating what is still free of a payment (预收) later. */
  'settlement.allocate': channel({
    access: collect,
    writes: true,
    input: z.object({ paymentId: id, allocations: z.array(allocationInputSchema).min(1).max(500) }).strict(),
    output: paymentDetailSchema,
  }),
  /** 反核销: a reversing allocation row for an allocation that is not undone yet. */
  'settlement.allocationUndo': channel({
    access: collect,
    writes: true,
    input: z.object({ allocationId: id, reason }).strict(),
    output: paymentDetailSchema,
  }),
  /** A payment recorded by mistake, with nothing allocated: its amount posted back, the payment kept, marked voided. */
  'settlement.paymentVoid': channel({
    access: collect,
    writes: true,
    input: z.object({ id, reason }).strict(),
    output: paymentDetailSchema,
  }),

  // ── statements and receivables ───────────────────────────────────────────────────────────────
  /** 对账单: opening balance at `from`, every posting to `to`, closing balance. */
  'settlement.statement': channel({
    access: view,
    input: z.object({ customerId: id, from: ymdSchema, to: ymdSchema }).strict(),
    output: statementSchema,
  }),
  /** The statement as an .xlsx, made in the job worker (fetched with customer.downloadFile's pieces). */
  'settlement.statementExport': channel({
    access: view,
    input: z.object({ customerId: id, from: ymdSchema, to: ymdSchema }).strict(),
    output: z.object({ fileId: z.string(), fileName: z.string(), size: z.number().int() }),
  }),
  /** 应收账龄: per customer and in total, as of a date. */
  /**
   * A page of aging rows. By customer code (default): customers are walked in code order and each
   * one's buckets read by its own indexed queries until the page is full (fast at any size; the
   * count and totals come from settlement.agingTotals). By 'overdue' (largest overdue first): the
   * full pass over every customer, then the page (slow at 100,000 customers).
   */
  'settlement.aging': channel({
    access: view,
    input: agingFiltersSchema
      .extend({
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
        sort: z.enum(['code', 'overdue']).default('code'),
      })
      .strict(),
    output: z.object({
      asOf: z.string(),
      items: z.array(agingRowSchema),
      /** another page follows */
      hasMore: z.boolean(),
    }),
  }),
  /** The count of matching customers and the buckets' totals over all of them (the full pass). */
  'settlement.agingTotals': channel({
    access: view,
    input: agingFiltersSchema,
    output: z.object({
      asOf: z.string(),
      total: z.number().int(),
      totals: agingRowSchema.omit({ customer: true, creditLimitCents: true, oldestDueDate: true }),
    }),
  }),

  // ── follow-up ────────────────────────────────────────────────────────────────────────────────
  'settlement.followUpAdd': channel({
    access: create,
    writes: true,
    input: z
      .object({
        voucherId: id,
        date: ymdSchema,
        contact: optText(50),
        note: reqText(500),
        promisedDate: ymdSchema.nullable().optional(),
        promisedAmount: moneyInputSchema.nullable().optional(),
      })
      .strict(),
    output: followUpSchema,
  }),
  /** Promises due today and overdue (the voucher still open): the 跟进 list; its count shows in the sidebar. */
  'settlement.promises': channel({
    access: view,
    input: z.object({ page: pageField().default(1), pageSize: z.number().int().min(1).max(200).default(50) }).strict(),
    output: listOut(followUpSchema.extend({ overdue: z.boolean() })).extend({
      dueToday: z.number().int(),
      overdue: z.number().int(),
    }),
  }),

  // ── settings ─────────────────────────────────────────────────────────────────────────────────
  'settlement.company': channel({ access: view, input: z.object({}).strict(), output: companySchema }),
  'settlement.companyUpdate': channel({
    access: { permission: 'settings.manage' },
    writes: true,
    input: companyInputSchema,
    output: companySchema,
  }),
};

/** Events the core emits (events.ts): a voucher or payment changed — lists and the sidebar count follow. */
export const SETTLEMENT_CHANGED_EVENT = 'settlement.changed';
