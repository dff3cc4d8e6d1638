import { z } from 'zod';
import { normalizeMultiline } from '../../shared/normalize';
import { TAX_ID_CHECKSUM_WARNING, taxIdIsUscc, usccProblem } from './customer.rules';
import {
  customerCodeSchema,
  dateSchema,
  emailSchema,
  mnemonicSchema,
  mobileSchema,
  optId,
  optText,
  reqText,
  taxIdSchema,
} from './value.schemas';

/**
 * The editable customer record (contacts and addresses included), its cross-field rules, and the
 * inputs of customer.create and customer.update. Its fields are listed in fields.ts too.
 */

export const CUSTOMER_NATURES = ['enterprise', 'individualBusiness', 'person', 'government', 'other'] as const;
export const natureSchema = z.enum(CUSTOMER_NATURES, 'validation.required');
export const ADDRESS_KINDS = ['registered', 'delivery', 'billing'] as const;

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
