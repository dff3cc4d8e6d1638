import { z } from 'zod';
import { ADDRESS_KINDS, CUSTOMER_NATURES } from './record.schema';
import { customerStatusSchema, statusInfoSchema } from './state.schema';

/** The full record as customer.get, create and update return it. */

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
  /** 最后核对: when a stocktake last marked the customer verified (UTC ISO), null if never */
  lastVerifiedAt: z.string().nullable(),
  contacts: z.array(contactOut),
  addresses: z.array(addressOut),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  version: z.number().int(),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
