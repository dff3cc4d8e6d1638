import { z } from 'zod';
import { channel, pageField, refuseHiddenChars } from '../../shared/contract-kit';
import { normalizeMultiline, normalizeProse } from '../../shared/normalize';
import {
  MAINLAND_MOBILE,
  normalizeMobile,
  normalizeTaxId,
  TAX_ID_CHECKSUM_WARNING,
  taxIdIsUscc,
  usccProblem,
} from './customer.rules';

// ── field schemas (the renderer's forms validate with the same ones) ────────────────────────

/** Optional text: normalised (one line, or lines kept for text areas); empty becomes null. */
const optText = (max: number, normalize: (s: string) => string = normalizeProse) =>
  z
    .string()
    .superRefine(refuseHiddenChars)
    .transform(normalize)
    .pipe(z.string().max(max, 'validation.tooLong'))
    .transform((s) => s || null)
    .nullable()
    .optional();
const reqText = (max: number) =>
  z
    .string('validation.required')
    .superRefine(refuseHiddenChars)
    .transform(normalizeProse)
    .pipe(z.string().min(1, 'validation.required').max(max, 'validation.tooLong'));
const optId = z.number().int().positive().nullable().optional();

export const CUSTOMER_NATURES = ['enterprise', 'individualBusiness', 'person', 'government', 'other'] as const;
export const natureSchema = z.enum(CUSTOMER_NATURES, 'validation.required');
export const ADDRESS_KINDS = ['registered', 'delivery', 'billing'] as const;
/** 正常 active, 冻结 frozen (temporary hold), 已停用 deactivated (retired) */
export const CUSTOMER_STATUSES = ['active', 'frozen', 'deactivated'] as const;
export const customerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

const customerRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** The current state and the change that led to it (shown on the page and in the list). */
export const statusInfoSchema = z.object({
  status: customerStatusSchema,
  changedAt: z.string().nullable(),
  changedByName: z.string().nullable(),
  reasonId: z.number().int().nullable(),
  /** fixed key of the reason (deactivation reasons), e.g. 'duplicate' */
  reasonKey: z.string().nullable(),
  reasonName: z.string().nullable(),
  memo: z.string().nullable(),
  /** the survivor, when this record was retired as a duplicate */
  mergedInto: customerRef.nullable(),
  /** a deactivation set for a later date */
  scheduled: z
    .object({
      effectiveDate: z.string(),
      reasonName: z.string().nullable(),
      memo: z.string().nullable(),
      byName: z.string().nullable(),
      createdAt: z.string(),
      mergedInto: customerRef.nullable(),
    })
    .nullable(),
});
export type StatusInfo = z.infer<typeof statusInfoSchema>;

export const customerCodeSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .max(32, 'validation.tooLong')
      .regex(/^[A-Z0-9_-]*$/, 'customers.validation.codeChars'),
  );

export const mnemonicSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .max(50, 'validation.tooLong')
      .regex(/^[A-Z0-9]*$/, 'customers.validation.mnemonicChars'),
  )
  .transform((s) => s || null)
  .nullable()
  .optional();

export const taxIdSchema = z
  .string()
  .transform(normalizeTaxId)
  .pipe(
    z
      .string()
      .max(30, 'validation.tooLong')
      .regex(/^[0-9A-Z]*$/, 'customers.validation.taxIdChars'),
  )
  .transform((s) => s || null)
  .nullable()
  .optional();

/** A mobile: mainland numbers (+86 and separators dropped) must be valid; foreign ones keep their +. */
export const mobileSchema = z
  .string()
  .transform(normalizeMobile)
  .refine((s) => s === '' || /^\+?\d{5,20}$/.test(s), 'customers.validation.mobile')
  .refine((s) => !/^1\d*$/.test(s) || MAINLAND_MOBILE.test(s), 'customers.validation.mobile')
  .transform((s) => s || null)
  .nullable()
  .optional();

export const emailSchema = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.union([z.literal(''), z.email('customers.validation.email')]))
  .transform((s) => s || null)
  .nullable()
  .optional();

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'customers.validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'customers.validation.date')
  .nullable()
  .optional();

export const contactSchema = z.object({
  name: reqText(50),
  title: optText(50),
  mobile: mobileSchema,
  phone: optText(30),
  email: emailSchema,
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactSchema>;

export const addressSchema = z.object({
  kind: z.enum(ADDRESS_KINDS, 'validation.required'),
  /** ISO 3166-1 alpha-2 */
  country: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'customers.validation.country')),
  provinceCode: z
    .string()
    .regex(/^\d{6}$/, 'customers.validation.division')
    .nullable()
    .optional(),
  cityCode: z
    .string()
    .regex(/^\d{6}$/, 'customers.validation.division')
    .nullable()
    .optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/, 'customers.validation.division')
    .nullable()
    .optional(),
  street: optText(200),
  postcode: optText(12),
  isDefault: z.boolean().default(false),
});
export type AddressInput = z.input<typeof addressSchema>;

/** The editable record. Tax ID rules depend on nature and country, hence the refinement below. */
export const customerFieldsSchema = z.object({
  name: reqText(100),
  shortName: optText(50),
  mnemonic: mnemonicSchema,
  nature: natureSchema.default('enterprise'),
  categoryId: optId,
  industryId: optId,
  regionId: optId,
  creditRatingId: optId,
  taxId: taxIdSchema,
  legalRep: optText(50),
  website: optText(200),
  bankName: optText(100),
  bankAccount: z
    .string()
    .transform((s) => s.normalize('NFKC').replace(/[\s-]/g, ''))
    .pipe(
      z
        .string()
        .max(34, 'validation.tooLong')
        .regex(/^[0-9A-Z]*$/i, 'customers.validation.bankAccount'),
    )
    .transform((s) => s || null)
    .nullable()
    .optional(),
  /** 信用额度 in cents (分): 0 … 1e13 分 (1,000 亿元), an integer, safe in SQLite and JS */
  creditLimitCents: z
    .number()
    .int('customers.validation.cents')
    .min(0, 'validation.range')
    .max(1e13, 'validation.range')
    .nullable()
    .optional(),
  creditDays: z.number().int().min(0, 'validation.range').max(3650, 'validation.range').nullable().optional(),
  settlementMethodId: optId,
  paymentTerms: optText(200),
  salespersonId: optId,
  contractEndDate: dateSchema,
  memo: optText(2000, normalizeMultiline),
  contacts: z.array(contactSchema).max(50).default([]),
  addresses: z.array(addressSchema).max(20).default([]),
});

/** Cross-field rules: one primary contact, one default address per kind, USCC for Chinese organisations. */
export function refineCustomer(c: z.output<typeof customerFieldsSchema>, ctx: z.RefinementCtx): void {
  if (c.contacts.filter((x) => x.isPrimary).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['contacts'], message: 'customers.validation.onePrimaryContact' });
  }
  for (const kind of ADDRESS_KINDS) {
    if (c.addresses.filter((a) => a.kind === kind && a.isDefault).length > 1) {
      ctx.addIssue({ code: 'custom', path: ['addresses'], message: 'customers.validation.oneDefaultAddress' });
    }
  }
  // an 18-character code is always checked; Chinese organisations must have a USCC. A wrong check
  // character alone is not refused here: the service asks for confirmation (confirmTaxIdChecksum),
  // the importer warns (usccChecksumWarning).
  if (c.taxId && taxIdIsUscc(c.taxId, c.nature, isForeign(c.addresses)) && usccProblem(c.taxId) === 'format') {
    ctx.addIssue({ code: 'custom', path: ['taxId'], message: 'customers.validation.uscc' });
  }
}

/** A registered address abroad: the tax ID may then be a foreign one (DE129273398). */
export function isForeign(addresses: readonly { kind: string; country: string }[]): boolean {
  return addresses.some((a) => a.kind === 'registered' && a.country !== 'CN');
}

/**
 * The warning a record's tax ID deserves: `taxIdChecksum` when it must be a USCC and has the
 * right shape but a wrong check character (a pilot-era code), else null.
 */
export function usccChecksumWarning(c: {
  taxId?: string | null;
  nature?: string | null;
  addresses: readonly { kind: string; country: string }[];
}): typeof TAX_ID_CHECKSUM_WARNING | null {
  if (!c.taxId || !taxIdIsUscc(c.taxId, c.nature, isForeign(c.addresses))) return null;
  return usccProblem(c.taxId) === 'checksum' ? TAX_ID_CHECKSUM_WARNING : null;
}

export const customerCreateSchema = customerFieldsSchema
  .extend({
    /** empty: the next code of the configured pattern */
    code: customerCodeSchema.optional(),
    /** given when the user goes on despite a possible-duplicate warning (logged) */
    duplicateReason: optText(200, normalizeMultiline),
    /** given when the user saves a USCC whose check character is wrong (a pilot-era code; logged) */
    confirmTaxIdChecksum: z.boolean().optional(),
  })
  .strict()
  .superRefine(refineCustomer);

export const customerUpdateSchema = customerFieldsSchema
  .extend({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    duplicateReason: optText(200, normalizeMultiline),
    confirmTaxIdChecksum: z.boolean().optional(),
  })
  .strict()
  .superRefine(refineCustomer);

// ── outputs ────────────────────────────────────────────────────────────────────────────────

const contactOut = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});
const addressOut = z.object({
  id: z.number().int(),
  kind: z.enum(ADDRESS_KINDS),
  country: z.string(),
  provinceCode: z.string().nullable(),
  cityCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  isDefault: z.boolean(),
});

export const customerDetailSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  mnemonic: z.string().nullable(),
  nature: z.enum(CUSTOMER_NATURES),
  categoryId: z.number().int().nullable(),
  industryId: z.number().int().nullable(),
  regionId: z.number().int().nullable(),
  creditRatingId: z.number().int().nullable(),
  taxId: z.string().nullable(),
  legalRep: z.string().nullable(),
  website: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  creditLimitCents: z.number().int().nullable(),
  creditDays: z.number().int().nullable(),
  settlementMethodId: z.number().int().nullable(),
  paymentTerms: z.string().nullable(),
  salespersonId: z.number().int().nullable(),
  salespersonName: z.string().nullable(),
  contractEndDate: z.string().nullable(),
  memo: z.string().nullable(),
  status: customerStatusSchema,
  statusInfo: statusInfoSchema,
  contacts: z.array(contactOut),
  addresses: z.array(addressOut),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  version: z.number().int(),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerListRowSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  mnemonic: z.string().nullable(),
  nature: z.string(),
  categoryName: z.string().nullable(),
  industryName: z.string().nullable(),
  regionName: z.string().nullable(),
  creditRatingName: z.string().nullable(),
  salespersonName: z.string().nullable(),
  contactName: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  taxId: z.string().nullable(),
  creditLimitCents: z.number().int().nullable(),
  contractEndDate: z.string().nullable(),
  status: customerStatusSchema,
  /** the current state's change (null while never changed) */
  statusChangedAt: z.string().nullable(),
  statusChangedByName: z.string().nullable(),
  statusReasonName: z.string().nullable(),
  statusMemo: z.string().nullable(),
  /** date of a pending scheduled deactivation */
  scheduledDeactivation: z.string().nullable(),
  updatedAt: z.string(),
});
export type CustomerListRow = z.infer<typeof customerListRowSchema>;

/** A customer another record may duplicate (shown with its state: deactivated ones too). */
export const duplicateMatchSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  /** taxId | name | phone */
  reason: z.enum(['taxId', 'name', 'phone']),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const SORT_FIELDS = ['code', 'name', 'createdAt', 'updatedAt'] as const;

export const customerFiltersSchema = z
  .object({
    /** default: every state (history stays reachable); pickers for new documents pass ['active'] */
    status: z.array(customerStatusSchema).max(3).optional(),
    categoryId: z.number().int().positive().optional(),
    regionId: z.number().int().positive().optional(),
    industryId: z.number().int().positive().optional(),
    creditRatingId: z.number().int().positive().optional(),
    salespersonId: z.number().int().positive().optional(),
  })
  .strict();

export const customerSearchSchema = z
  .object({
    /** one box: code, name, short name, pinyin initials / full pinyin, phone, tax ID; partial matches */
    q: z.string().max(100).transform(normalizeProse).optional(),
    filters: customerFiltersSchema.default({}),
    sort: z.object({ field: z.enum(SORT_FIELDS), order: z.enum(['asc', 'desc']) }).optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type CustomerSearchInput = z.output<typeof customerSearchSchema>;

export const customerSearchResultSchema = z.object({
  items: z.array(customerListRowSchema),
  /** number of matches, exact up to the cap; `totalCapped` means "cap or more" (1000+) */
  total: z.number().int(),
  totalCapped: z.boolean(),
});

const view = { permission: 'customer.view' } as const;
const idInput = z.object({ id: z.number('validation.required').int().positive() }).strict();

export const customersContract = {
  'customer.search': channel({ access: view, input: customerSearchSchema, output: customerSearchResultSchema }),
  'customer.get': channel({ access: view, input: idInput, output: customerDetailSchema }),
  /** code + name of several customers (labels, pickers) */
  'customer.getMany': channel({
    access: view,
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(5000) }).strict(),
    output: z.object({
      items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), status: customerStatusSchema })),
    }),
  }),
  'customer.create': channel({
    writes: true,
    access: { permission: 'customer.create' },
    input: customerCreateSchema,
    output: customerDetailSchema,
  }),
  'customer.update': channel({
    writes: true,
    access: { permission: 'customer.edit' },
    input: customerUpdateSchema,
    output: customerDetailSchema,
  }),
  /** Possible duplicates of a record being typed: same tax ID (refused on save), similar name or same phone (warned). */
  'customer.checkDuplicates': channel({
    access: view,
    input: z
      .object({
        excludeId: z.number().int().positive().optional(),
        name: z.string().max(100).optional(),
        taxId: taxIdSchema,
        phones: z.array(z.string().max(30)).max(50).optional(),
      })
      .strict(),
    output: z.object({ matches: z.array(duplicateMatchSchema) }),
  }),
  /** The next code the pattern would give (shown in the new-customer form). */
  'customer.nextCode': channel({
    access: { permission: 'customer.create' },
    input: z.object({}).strict(),
    output: z.object({ code: z.string() }),
  }),
  /** Pinyin initials for a name: the suggested 助记码 and every plausible reading. */
  'customer.pinyin': channel({
    access: view,
    input: z.object({ name: z.string().max(100), nature: natureSchema.optional() }).strict(),
    output: z.object({ mnemonic: z.string(), readings: z.array(z.string()) }),
  }),
  /** The record's change history (from the operation log), newest first. */
  'customer.history': channel({
    access: view,
    input: z
      .object({
        id: z.number().int().positive(),
        page: pageField().default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.number().int(),
          at: z.string(),
          userName: z.string().nullable(),
          action: z.string(),
          changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
          reason: z.string().nullable(),
        }),
      ),
      total: z.number().int(),
    }),
  }),
};
