import { z } from 'zod';
import { normalizeProse } from '../../shared/normalize';
import { customerStatusSchema } from './state.schema';

/** Finding customers: the list's rows, search input and result, possible duplicates. */

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
  /** 最后核对: when a stocktake last marked the customer verified (UTC ISO), null if never */
  lastVerifiedAt: z.string().nullable(),
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

/** A local calendar date 'YYYY-MM-DD' (the filters' verified dates). */
const localDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'customers.validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'customers.validation.date');

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
    /** 最后核对 on or after this local date */
    verifiedSince: localDay.optional(),
    /** never verified, or last verified before this local date */
    notVerifiedSince: localDay.optional(),
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
    /**
     * Continue after the previous page: its answer's `next` (opaque). Browsing reads the rows after
     * it through the sort's index (keyset), so a deep page costs what the first one does; `offset`
     * then counts from the cursor.
     */
    after: z.string().min(1).max(400).optional(),
  })
  .strict();
export type CustomerSearchInput = z.output<typeof customerSearchSchema>;

export const customerSearchResultSchema = z.object({
  items: z.array(customerListRowSchema),
  /** number of matches, exact up to the cap; `totalCapped` means "cap or more" (1000+) */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** pass as `after` for the following page; null when this page is the last */
  next: z.string().nullable(),
});

/**
 * The job kind that writes the filtered list to a file (customers.jobs.ts); the import/export
 * page, which starts it, shows its progress events with import's own (import.contract.ts).
 */
export const CUSTOMERS_EXPORT_JOB = 'customers.export' as const;
