import { z } from 'zod';
import { channel, pageField, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeMultiline } from '../../shared/normalize';
import { customerFiltersSchema } from '../../customers/shared/search.schema';
import { addressSchema } from '../../customers/shared/record.schema';
import { customerStatusSchema } from '../../customers/shared/state.schema';
import { dateSchema, mobileSchema, optText, reqText } from '../../customers/shared/value.schemas';

/**
 * 客户盘点: stocktakes (盘点单), counting (scans from USB scanners, keyboard, search, later phones'
 * cameras), reconciliation and completion. Several counters may count one stocktake at once: every
 * scan carries a client-generated id (its idempotency key), so a resent scan is answered from its
 * stored row and counted once.
 *
 * Status: draft → counting ⇄ reconciling → completed; draft, counting or reconciling → cancelled.
 */

export const STOCKTAKE_STATUSES = ['draft', 'counting', 'reconciling', 'completed', 'cancelled'] as const;
export const stocktakeStatusSchema = z.enum(STOCKTAKE_STATUSES);
export type StocktakeStatus = z.infer<typeof stocktakeStatusSchema>;

/**
 * What a scan found, in the order the counting screen explains it:
 * - found: an expected customer, counted for the first time;
 * - duplicate: counted before in this stocktake (the ack says how often and by whom);
 * - unknown: no customer has this code;
 * - deactivated / frozen: the customer is 已停用 / 冻结 (the ack carries the reason); still counted;
 * - outOfScope: a customer not in the frozen expected set; still counted (reconciliation lists it).
 */
export const SCAN_RESULTS = ['found', 'duplicate', 'unknown', 'deactivated', 'frozen', 'outOfScope'] as const;
export const scanResultSchema = z.enum(SCAN_RESULTS);
export type ScanResult = z.infer<typeof scanResultSchema>;

/** How the code reached the app: a USB scanner burst, typed by hand, picked from a search, a phone camera. */
export const SCAN_SOURCES = ['scanner', 'keyboard', 'search', 'camera'] as const;
export const scanSourceSchema = z.enum(SCAN_SOURCES);

/** Evidence a customer without an invoice (发票) offered: 合同, 订单, 送货单, 收据, 银行回单, 其他. */
export const EVIDENCE_KINDS = ['contract', 'order', 'deliveryNote', 'receipt', 'bankSlip', 'other'] as const;
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);

/** Which customers a stocktake expects: all active ones, the list's filter, or ticked customers. */
export const stocktakeScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  /** category, region, industry, rating, salesperson, state (default: active only) */
  z.object({ kind: z.literal('filter'), filters: customerFiltersSchema }).strict(),
  /** customers ticked in the customer list */
  z
    .object({
      kind: z.literal('selection'),
      ids: z
        .array(z.number().int().positive())
        .min(1, 'validation.required')
        .max(100_000, 'validation.range')
        .transform((a) => [...new Set(a)]),
    })
    .strict(),
]);
export type StocktakeScope = z.output<typeof stocktakeScopeSchema>;

/** A code as a scanner or a person gives it: NFKC (full-width → half-width), no whitespace, upper case. */
export const scanCodeSchema = z
  .string('validation.required')
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().min(1, 'validation.required').max(64, 'validation.tooLong'));

const id = z.number('validation.required').int().positive();
const idInput = z.object({ id }).strict();
const reason = z
  .string('stocktake.validation.reasonRequired')
  .superRefine(refuseHiddenChars)
  .transform(normalizeMultiline)
  .pipe(z.string().min(1, 'stocktake.validation.reasonRequired').max(500, 'validation.tooLong'));
const note = optText(500, normalizeMultiline);

const userRef = z.object({ id: z.number().int(), name: z.string() });
const customerBrief = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: customerStatusSchema,
  categoryName: z.string().nullable(),
  /** the state's reason (冻结 / 停用), or null while active */
  statusReasonName: z.string().nullable(),
  statusMemo: z.string().nullable(),
  /** for a merged duplicate: the customer it was merged into */
  mergedInto: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
});

/** counted / expected, overall and per category (the snapshot's category), and per counter */
export const progressSchema = z.object({
  expected: z.number().int(),
  /** expected customers with at least one live scan */
  counted: z.number().int(),
  /** live scans of any kind */
  scans: z.number().int(),
  unknown: z.number().int(),
  outOfScope: z.number().int(),
  byCategory: z.array(
    z.object({ categoryId: z.number().int().nullable(), categoryName: z.string().nullable(), expected: z.number().int(), counted: z.number().int() }),
  ),
  byCounter: z.array(z.object({ userId: z.number().int(), userName: z.string(), scans: z.number().int() })),
});
export type StocktakeProgress = z.infer<typeof progressSchema>;

export const stocktakeSummarySchema = z.object({
  id: z.number().int(),
  no: z.string(),
  name: z.string(),
  status: stocktakeStatusSchema,
  scopeKind: z.enum(['all', 'filter', 'selection']),
  scope: stocktakeScopeSchema.or(z.object({ kind: z.literal('selection'), count: z.number().int() })),
  assignee: userRef.nullable(),
  dueDate: z.string().nullable(),
  memo: z.string().nullable(),
  expectedCount: z.number().int(),
  countedCount: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  startedAt: z.string().nullable(),
  reconcilingAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
});
export type StocktakeSummary = z.infer<typeof stocktakeSummarySchema>;

/** The acknowledgement of a stored scan: what the counting screen shows. */
export const scanAckSchema = z.object({
  scanId: z.number().int(),
  clientId: z.string(),
  code: z.string(),
  result: scanResultSchema,
  lineId: z.number().int().nullable(),
  customer: customerBrief.nullable(),
  /** live scans of this line, this one included */
  times: z.number().int(),
  /** the earlier live scans of this line: who, when (newest first, at most 5) */
  earlier: z.array(z.object({ userName: z.string(), at: z.string() })),
  /** true when this client id was stored before: nothing was counted again */
  replayed: z.boolean(),
  /** the stocktake's counters after this scan (O(1) on the writer): the screen follows them during a burst */
  progress: progressSchema.pick({ expected: true, counted: true, scans: true, unknown: true, outOfScope: true }),
});
export type ScanAck = z.infer<typeof scanAckSchema>;

export const scanInputSchema = z
  .object({
    stocktakeId: id,
    /** generated by the client when the scan is read (crypto.randomUUID) */
    clientId: z.string().regex(/^[0-9A-Za-z-]{8,64}$/, 'validation.invalid'),
    code: scanCodeSchema,
    source: scanSourceSchema,
    /** when it was read on the client (UTC ISO) */
    scannedAt: z.iso.datetime({ offset: true }),
    deviceId: z.string().regex(/^[0-9A-Za-z._-]{1,64}$/).optional(),
  })
  .strict();

/** How many waiting scans one stocktake.syncScans call takes (the phone sends more in pages). */
export const SYNC_PAGE = 500;

/**
 * A page of a phone's waiting scans (stocktake.syncScans): each as stocktake.scan takes it, without
 * the stocktake id (the page's). The client id is the idempotency key, as for stocktake.scan.
 */
export const syncScansInputSchema = z
  .object({
    stocktakeId: id,
    scans: z.array(scanInputSchema.omit({ stocktakeId: true })).min(1, 'validation.required').max(SYNC_PAGE, 'stocktake.validation.syncTooMany'),
  })
  .strict();

/** A waiting scan that could not be stored (the stocktake no longer counting): the phone keeps it. */
export const scanRefusalSchema = z.object({
  clientId: z.string(),
  error: z.object({ code: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
});
export type ScanRefusal = z.infer<typeof scanRefusalSchema>;

/**
 * One customer of the expected set as the phone keeps it offline (compact: the phone stores
 * thousands). `status` is the customer's state now; `scans` its live scans in this stocktake so far.
 */
export const expectedRowSchema = z.object({
  customerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  mnemonic: z.string().nullable(),
  status: customerStatusSchema,
  scans: z.number().int(),
});

export const lineSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  customer: customerBrief.nullable(),
  scans: z.number().int(),
  firstAt: z.string().nullable(),
  firstUserName: z.string().nullable(),
  lastAt: z.string().nullable(),
  lastUserName: z.string().nullable(),
  checked: z.boolean(),
  evidence: z.array(evidenceKindSchema),
  note: z.string().nullable(),
  /** corrections proposed on this line and still undecided */
  pendingCorrections: z.number().int(),
  version: z.number().int(),
});
export type StocktakeLine = z.infer<typeof lineSchema>;

export const recentScanSchema = z.object({
  scanId: z.number().int(),
  clientId: z.string(),
  code: z.string(),
  result: scanResultSchema,
  source: scanSourceSchema,
  lineId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  userName: z.string().nullable(),
  scannedAt: z.string(),
  at: z.string(),
  undone: z.boolean(),
});

/**
 * The proposed values: the primary contact's name / mobile / phone, and one address. A field left
 * out stays as it is; mobile or phone null (or blank) clears it; `contact: null` removes the
 * primary contact; `removeAddress` (a kind, instead of `address`) removes the customer's address
 * of that kind.
 */
export const correctionProposalSchema = z
  .object({
    contact: z
      .object({ name: reqText(50).optional(), mobile: mobileSchema, phone: optText(30) })
      .strict()
      .nullable()
      .optional(),
    address: addressSchema.omit({ isDefault: true }).optional(),
    removeAddress: addressSchema.shape.kind.optional(),
    note,
  })
  .strict()
  .refine((p) => p.contact !== undefined || p.address !== undefined || p.removeAddress !== undefined, {
    message: 'stocktake.validation.correctionEmpty',
  })
  .refine((p) => !(p.address && p.removeAddress), { message: 'stocktake.validation.correctionAddressTwice', path: ['removeAddress'] });
export type CorrectionProposal = z.output<typeof correctionProposalSchema>;

export const correctionSchema = z.object({
  id: z.number().int(),
  lineId: z.number().int(),
  customer: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  proposal: z.record(z.string(), z.unknown()),
  before: z.record(z.string(), z.unknown()),
  /** the customer changed since the proposal: applying shows the difference first */
  customerChanged: z.boolean(),
  status: z.enum(['proposed', 'applied', 'rejected']),
  proposedByName: z.string().nullable(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionMemo: z.string().nullable(),
});

/** Sections of the reconciliation report. */
export const REPORT_SECTIONS = [
  'matched',
  'missing',
  'unknown',
  'duplicates',
  'deactivated',
  'frozen',
  'outOfScope',
  'corrections',
] as const;
export const reportSectionSchema = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportSummarySchema = z.object({
  stocktake: stocktakeSummarySchema,
  counts: z.record(reportSectionSchema, z.number().int()),
  byCategory: progressSchema.shape.byCategory,
  /** adjustments already made in this stocktake: action → customers */
  adjusted: z.record(z.string(), z.number().int()),
});

export const reportRowSchema = z.object({
  /** the customer (absent for unknown codes) */
  customerId: z.number().int().nullable(),
  code: z.string(),
  name: z.string().nullable(),
  categoryName: z.string().nullable(),
  status: customerStatusSchema.nullable(),
  statusReasonName: z.string().nullable(),
  lineId: z.number().int().nullable(),
  scans: z.number().int(),
  lastUserName: z.string().nullable(),
  lastAt: z.string().nullable(),
  checked: z.boolean(),
  evidence: z.array(evidenceKindSchema),
  note: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
  /** what was done about it at reconciliation: deactivated | reactivated | verified | created | null */
  adjustment: z.string().nullable(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/** Bulk adjustments, each through its feature's own service (and permission), logged. */
export const ADJUSTMENTS = ['deactivateMissing', 'reactivateCounted', 'markVerified'] as const;
export const adjustmentSchema = z.enum(ADJUSTMENTS);

const count = { permission: 'stocktake.count' } as const;
const manage = { permission: 'stocktake.manage' } as const;

export const stocktakeContract = {
  // ── stocktakes ───────────────────────────────────────────────────────────────────────────
  /** The stocktakes, newest first; open ones (draft, counting, reconciling) by default. */
  'stocktake.list': channel({
    access: count,
    input: z
      .object({
        status: z.array(stocktakeStatusSchema).max(5).optional(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(stocktakeSummarySchema), total: z.number().int() }),
  }),
  'stocktake.get': channel({
    access: count,
    input: idInput,
    output: z.object({ stocktake: stocktakeSummarySchema, progress: progressSchema }),
  }),
  /** How many customers a scope holds now (the create dialog shows it). Changes nothing. */
  'stocktake.previewScope': channel({
    access: manage,
    input: z.object({ scope: stocktakeScopeSchema }).strict(),
    output: z.object({ count: z.number().int() }),
  }),
  'stocktake.create': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        name: reqText(100),
        scope: stocktakeScopeSchema,
        assigneeId: id.nullable().optional(),
        dueDate: dateSchema,
        memo: note,
        /** start counting at once (freezes the expected set) */
        start: z.boolean().default(false),
      })
      .strict(),
    output: stocktakeSummarySchema,
  }),
  /** A draft's name, scope, assignee, due date, memo; or the name, assignee, due date, memo later on. */
  'stocktake.update': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        id,
        version: z.number().int().positive(),
        name: reqText(100).optional(),
        scope: stocktakeScopeSchema.optional(),
        assigneeId: id.nullable().optional(),
        dueDate: dateSchema,
        memo: note,
      })
      .strict(),
    output: stocktakeSummarySchema,
  }),
  /** draft → counting: the expected set is frozen now. */
  'stocktake.start': channel({ writes: true, access: manage, input: idInput, output: stocktakeSummarySchema }),
  /** counting → reconciling (counting stops; the report is read). */
  'stocktake.reconcile': channel({ writes: true, access: manage, input: idInput, output: stocktakeSummarySchema }),
  /** reconciling → counting (more to count). */
  'stocktake.resume': channel({ writes: true, access: manage, input: idInput, output: stocktakeSummarySchema }),
  /** reconciling → completed: locked; its report stays viewable and exportable. */
  'stocktake.complete': channel({ writes: true, access: manage, input: idInput, output: stocktakeSummarySchema }),
  'stocktake.cancel': channel({
    writes: true,
    access: manage,
    input: z.object({ id, reason }).strict(),
    output: stocktakeSummarySchema,
  }),

  // ── counting ─────────────────────────────────────────────────────────────────────────────
  /** One scan, stored in its own small transaction before it is acknowledged. Resending is safe. */
  'stocktake.scan': channel({ writes: true, replaySafe: true, access: count, input: scanInputSchema, output: scanAckSchema }),
  /**
   * A page (at most 500) of a phone's waiting scans, each stored as stocktake.scan stores it, in a
   * few transactions; answered per scan in the order sent: the ack (a stored client id: replayed)
   * or a refusal (the phone keeps that scan). Classified as of the sync (the customer's state now).
   */
  'stocktake.syncScans': channel({
    writes: true,
    replaySafe: true,
    access: count,
    input: syncScansInputSchema,
    output: z.object({ items: z.array(z.union([scanAckSchema, scanRefusalSchema])) }),
  }),
  /**
   * The expected set for a phone to count offline, by keyset pages of customer id (`after`: the
   * previous page's `next`; null when done), with each customer's live scans so far; the first
   * page also carries the counted lines outside the set (unknown codes, out of scope). Counting
   * or reconciling stocktakes only.
   */
  'stocktake.expected': channel({
    access: count,
    input: z
      .object({ stocktakeId: id, after: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(5000).default(5000) })
      .strict(),
    output: z.object({
      stocktake: z.object({ id: z.number().int(), no: z.string(), name: z.string(), status: stocktakeStatusSchema, expectedCount: z.number().int() }),
      items: z.array(expectedRowSchema),
      next: z.number().int().nullable(),
      /** first page only: lines with live scans outside the expected set (customerId null: an unknown code) */
      others: z.array(z.object({ customerId: z.number().int().nullable(), code: z.string(), scans: z.number().int() })),
    }),
  }),
  /** Takes one scan back (an undo row; the line's tally drops by one). */
  'stocktake.undo': channel({
    writes: true,
    access: count,
    input: z.object({ stocktakeId: id, scanId: id, reason: optText(200) }).strict(),
    output: z.object({ lineId: z.number().int().nullable(), times: z.number().int(), progress: scanAckSchema.shape.progress }),
  }),
  /** The newest scans (all counters, or only mine), newest first. */
  'stocktake.recent': channel({
    access: count,
    input: z
      .object({ stocktakeId: id, mine: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(20) })
      .strict(),
    output: z.object({ items: z.array(recentScanSchema) }),
  }),
  /** Counted lines (search by code or name), newest first. */
  'stocktake.lines': channel({
    access: count,
    input: z
      .object({
        stocktakeId: id,
        q: z.string().max(100).optional(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(lineSchema), total: z.number().int() }),
  }),
  /** A line's note and evidence (no invoice: which other evidence), and 已核对. */
  'stocktake.updateLine': channel({
    writes: true,
    access: count,
    input: z
      .object({
        stocktakeId: id,
        lineId: id,
        version: z.number().int().positive(),
        note,
        evidence: z.array(evidenceKindSchema).max(EVIDENCE_KINDS.length).optional(),
        checked: z.boolean().optional(),
      })
      .strict(),
    output: lineSchema,
  }),
  /** Proposes corrections of a counted customer's contact / phone / address, decided at reconciliation. */
  'stocktake.proposeCorrection': channel({
    writes: true,
    access: count,
    input: z.object({ stocktakeId: id, lineId: id, proposal: correctionProposalSchema }).strict(),
    output: correctionSchema,
  }),

  // ── reconciliation ───────────────────────────────────────────────────────────────────────
  'stocktake.report': channel({
    access: manage,
    input: idInput,
    output: reportSummarySchema,
  }),
  'stocktake.reportRows': channel({
    access: manage,
    input: z
      .object({
        id,
        section: reportSectionSchema.exclude(['corrections']),
        q: z.string().max(100).optional(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(reportRowSchema), total: z.number().int() }),
  }),
  'stocktake.corrections': channel({
    access: manage,
    input: z
      .object({ id, status: z.enum(['proposed', 'applied', 'rejected']).optional(), page: pageField().default(1), pageSize: z.number().int().min(1).max(200).default(50) })
      .strict(),
    output: z.object({ items: z.array(correctionSchema), total: z.number().int() }),
  }),
  /**
   * Applies (through the customer edit path: version check, history, log; needs customer.edit) or
   * rejects a proposed correction.
   */
  'stocktake.decideCorrection': channel({
    writes: true,
    access: { permission: 'customer.edit' },
    input: z
      .object({ id, decision: z.enum(['apply', 'reject']), memo: optText(200), acceptChanged: z.boolean().default(false) })
      .strict(),
    output: correctionSchema,
  }),
  /**
   * A bulk adjustment of the reconciling stocktake, through the feature that owns the change (its
   * permission is checked too): deactivateMissing (status service, reason required, prefilled
   * 'inactive'; the stocktake itself is acknowledged as an open item), reactivateCounted (status
   * service, memo required), markVerified (customers.last_verified_at). `customerIds` narrows it
   * to some of the section's customers; absent = all of them.
   */
  'stocktake.adjust': channel({
    writes: true,
    access: manage,
    input: z
      .object({
        id,
        action: adjustmentSchema,
        customerIds: z.array(z.number().int().positive()).min(1).max(100_000).optional(),
        reasonId: id.optional(),
        memo: optText(500, normalizeMultiline),
      })
      .strict(),
    output: z.object({ changed: z.number().int(), skipped: z.number().int(), refusals: z.record(z.string(), z.number().int()) }),
  }),
  /**
   * Writes the report (the summary, then one sheet per section) to an .xlsx file made for this
   * user; downloaded through customer.downloadFile like every other file. `texts`: the sheet and
   * column titles in the user's language (key → text), as the customers' export takes them.
   */
  'stocktake.export': channel({
    access: manage,
    input: z
      .object({
        id,
        texts: z.record(z.string().max(200), z.string().max(500)).refine((r) => Object.keys(r).length <= 500),
      })
      .strict(),
    output: z.object({ fileId: z.string(), fileName: z.string(), size: z.number().int(), rows: z.number().int() }),
  }),
};

export type StocktakeContract = typeof stocktakeContract;
