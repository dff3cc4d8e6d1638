import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { centsToYuan, yuanToCents } from '../../../../../electron/core/shared/money';
import type {
  ADDRESS_KINDS,
  CUSTOMER_NATURES,
  CustomerDetail,
  customerFieldsSchema,
} from '../../../../../electron/core/customers/shared/customers.contract';

export interface ContactValues {
  name?: string;
  title?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  isPrimary?: boolean;
}

export interface AddressValues {
  kind?: (typeof ADDRESS_KINDS)[number];
  country?: string;
  /** [province, city, district] codes, China only */
  division?: string[];
  street?: string | null;
  postcode?: string | null;
  isDefault?: boolean;
}

/** What the form holds: as the record, except money in yuan, the date as dayjs, divisions as a path. */
export interface CustomerFormValues {
  code?: string;
  name?: string;
  shortName?: string | null;
  mnemonic?: string | null;
  nature?: (typeof CUSTOMER_NATURES)[number];
  categoryId?: number | null;
  industryId?: number | null;
  regionId?: number | null;
  creditRatingId?: number | null;
  taxId?: string | null;
  legalRep?: string | null;
  website?: string | null;
  contacts?: ContactValues[];
  addresses?: AddressValues[];
  bankName?: string | null;
  bankAccount?: string | null;
  creditLimit?: number | null;
  creditDays?: number | null;
  settlementMethodId?: number | null;
  paymentTerms?: string | null;
  salespersonId?: number | null;
  contractEndDate?: Dayjs | null;
  memo?: string | null;
}

export type CustomerFieldsInput = z.input<typeof customerFieldsSchema>;

export const EMPTY_CONTACT: ContactValues = { isPrimary: false };
export const emptyAddress = (kind: AddressValues['kind'] = 'registered'): AddressValues => ({
  kind,
  country: 'CN',
  isDefault: false,
});

/** A new customer: an enterprise with one primary contact and one registered address in China. */
export function newCustomerValues(): CustomerFormValues {
  return {
    nature: 'enterprise',
    contacts: [{ ...EMPTY_CONTACT, isPrimary: true }],
    addresses: [{ ...emptyAddress('registered'), isDefault: true }],
  };
}

const text = (v: string | null | undefined) => v ?? '';
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** A contact row nothing was typed into (left out when saving, so an unused row needs no deleting). */
export function isBlankContact(c: ContactValues | undefined): boolean {
  return !c || [c.name, c.title, c.mobile, c.phone, c.email].every(blank);
}

/** An address row with nothing but its defaults (type, country). */
function isBlankAddress(a: AddressValues | undefined): boolean {
  return !a || ((a.division ?? []).length === 0 && blank(a.street) && blank(a.postcode));
}
const id = (v: number | null | undefined) => v ?? null;

/** The form's values → the contract's record fields (every field sent, empty ones as null). */
export function toFields(v: CustomerFormValues): CustomerFieldsInput {
  return {
    name: text(v.name),
    shortName: text(v.shortName),
    mnemonic: text(v.mnemonic),
    nature: v.nature ?? 'enterprise',
    categoryId: id(v.categoryId),
    industryId: id(v.industryId),
    regionId: id(v.regionId),
    creditRatingId: id(v.creditRatingId),
    taxId: text(v.taxId),
    legalRep: text(v.legalRep),
    website: text(v.website),
    bankName: text(v.bankName),
    bankAccount: text(v.bankAccount),
    creditLimitCents: v.creditLimit == null ? null : (yuanToCents(v.creditLimit) ?? Number.NaN),
    creditDays: v.creditDays ?? null,
    settlementMethodId: id(v.settlementMethodId),
    paymentTerms: text(v.paymentTerms),
    salespersonId: id(v.salespersonId),
    contractEndDate: v.contractEndDate ? v.contractEndDate.format('YYYY-MM-DD') : null,
    memo: text(v.memo),
    contacts: (v.contacts ?? [])
      .filter((c) => !isBlankContact(c))
      .map((c) => ({
        name: text(c.name),
        title: text(c.title),
        mobile: text(c.mobile),
        phone: text(c.phone),
        email: text(c.email),
        isPrimary: !!c.isPrimary,
      })),
    addresses: (v.addresses ?? [])
      .filter((a) => !isBlankAddress(a))
      .map((a) => {
        const china = (a.country ?? 'CN') === 'CN';
        const [provinceCode, cityCode, districtCode] = china ? (a.division ?? []) : [];
        return {
          kind: a.kind ?? 'registered',
          country: a.country ?? 'CN',
          provinceCode: provinceCode ?? null,
          cityCode: cityCode ?? null,
          districtCode: districtCode ?? null,
          street: text(a.street),
          postcode: text(a.postcode),
          isDefault: !!a.isDefault,
        };
      }),
  };
}

/** A saved record → the form's values (editing). */
export function fromDetail(d: CustomerDetail): CustomerFormValues {
  return {
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    mnemonic: d.mnemonic,
    nature: d.nature,
    categoryId: d.categoryId,
    industryId: d.industryId,
    regionId: d.regionId,
    creditRatingId: d.creditRatingId,
    taxId: d.taxId,
    legalRep: d.legalRep,
    website: d.website,
    bankName: d.bankName,
    bankAccount: d.bankAccount,
    creditLimit: centsToYuan(d.creditLimitCents),
    creditDays: d.creditDays,
    settlementMethodId: d.settlementMethodId,
    paymentTerms: d.paymentTerms,
    salespersonId: d.salespersonId,
    contractEndDate: d.contractEndDate ? dayjs(d.contractEndDate) : null,
    memo: d.memo,
    contacts: d.contacts.map((c) => ({
      name: c.name,
      title: c.title,
      mobile: c.mobile,
      phone: c.phone,
      email: c.email,
      isPrimary: c.isPrimary,
    })),
    addresses: d.addresses.map((a) => ({
      kind: a.kind,
      country: a.country,
      division: [a.provinceCode, a.cityCode, a.districtCode].filter((c): c is string => !!c),
      street: a.street,
      postcode: a.postcode,
      isDefault: a.isDefault,
    })),
  };
}

/** Phones and mobiles typed in the contacts (for the duplicate check). */
export function phonesOf(v: CustomerFormValues): string[] {
  const out: string[] = [];
  for (const c of v.contacts ?? []) {
    for (const p of [c.mobile, c.phone]) {
      const s = (p ?? '').trim();
      if (s && s.length <= 30) out.push(s);
    }
  }
  return out;
}

/** A contract field path (contacts.0.mobile, addresses.1.cityCode, creditLimitCents) → the form's name path. */
export function formPath(path: readonly (string | number | symbol)[]): (string | number)[] {
  const out = path.map((p) => (typeof p === 'number' ? p : /^\d+$/.test(String(p)) ? Number(p) : String(p)));
  if (out[0] === 'creditLimitCents') return ['creditLimit'];
  if (out[0] === 'addresses' && ['provinceCode', 'cityCode', 'districtCode'].includes(String(out[2]))) {
    return ['addresses', out[1], 'division'];
  }
  return out;
}
