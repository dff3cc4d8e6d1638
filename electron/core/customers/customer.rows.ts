import type { z } from 'zod';
import { normalizeCustomerName, phoneDigits } from './shared/customer.rules';
import type { customerFieldsSchema } from './shared/customers.contract';
import { divisionNames } from './references';
import { pinyinReadings } from './search/pinyin';

/**
 * The rows one customer record becomes — shared by the service (one record) and the importer
 * (thousands, prepared outside the write transaction), so both write exactly the same thing.
 */
type Fields = z.output<typeof customerFieldsSchema>;
export type CustomerColumns = ReturnType<typeof customerColumns>;
export type ContactRow = ReturnType<typeof contactRows>[number];
export type AddressRow = ReturnType<typeof addressRows>[number];

/** Columns of the customers row (mnemonic generated when left empty). */
export function customerColumns(f: Fields) {
  return {
    name: f.name,
    shortName: f.shortName ?? null,
    mnemonic: f.mnemonic || pinyinReadings(f.name, f.nature).mnemonic || null,
    nameNorm: normalizeCustomerName(f.name),
    nature: f.nature,
    categoryId: f.categoryId ?? null,
    industryId: f.industryId ?? null,
    regionId: f.regionId ?? null,
    creditRatingId: f.creditRatingId ?? null,
    taxId: f.taxId ?? null,
    legalRep: f.legalRep ?? null,
    website: f.website ?? null,
    bankName: f.bankName ?? null,
    bankAccount: f.bankAccount ?? null,
    creditLimitCents: f.creditLimitCents ?? null,
    creditDays: f.creditDays ?? null,
    settlementMethodId: f.settlementMethodId ?? null,
    paymentTerms: f.paymentTerms ?? null,
    salespersonId: f.salespersonId ?? null,
    contractEndDate: f.contractEndDate ?? null,
    memo: f.memo ?? null,
  };
}

/** A single contact is the primary one. */
export function contactRows(f: Pick<Fields, 'contacts'>) {
  const only = f.contacts.length === 1;
  return f.contacts.map((c, i) => ({
    name: c.name,
    title: c.title ?? null,
    mobile: c.mobile ?? null,
    phone: c.phone ?? null,
    phoneDigits: c.phone ? phoneDigits(c.phone) || null : null,
    email: c.email ?? null,
    isPrimary: c.isPrimary || only,
    sort: i,
  }));
}

/** A single address of a kind is that kind's default. */
export function addressRows(f: Pick<Fields, 'addresses'>) {
  return f.addresses.map((a, i) => ({
    kind: a.kind,
    country: a.country,
    provinceCode: a.provinceCode ?? null,
    cityCode: a.cityCode ?? null,
    districtCode: a.districtCode ?? null,
    street: a.street ?? null,
    postcode: a.postcode ?? null,
    isDefault: a.isDefault || f.addresses.filter((x) => x.kind === a.kind).length === 1,
    sort: i,
  }));
}

/** Fields the history shows, in form order; references appear by name, not id. */
export const HISTORY_FIELDS = [
  'code',
  'name',
  'shortName',
  'mnemonic',
  'nature',
  'category',
  'industry',
  'region',
  'creditRating',
  'taxId',
  'legalRep',
  'website',
  'contacts',
  'addresses',
  'bankName',
  'bankAccount',
  'creditLimitCents',
  'creditDays',
  'settlementMethod',
  'paymentTerms',
  'salesperson',
  'contractEndDate',
  'memo',
] as const;

type HistoryInput = CustomerColumns & { code: string };
interface Names {
  lookupName(id: number | null): string | null;
  userName(id: number | null): string | null;
}
type ContactView = Pick<ContactRow, 'name' | 'title' | 'mobile' | 'phone' | 'email' | 'isPrimary'>;
type AddressView = Pick<AddressRow, 'kind' | 'country' | 'provinceCode' | 'cityCode' | 'districtCode' | 'street' | 'postcode' | 'isDefault'>;

/** A record as the operation log keeps it: readable values, contacts and addresses without ids. */
export function historyView(r: Omit<HistoryInput, 'nameNorm'>, contacts: ContactView[], addresses: AddressView[], names: Names) {
  return {
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    mnemonic: r.mnemonic,
    nature: r.nature,
    category: names.lookupName(r.categoryId),
    industry: names.lookupName(r.industryId),
    region: names.lookupName(r.regionId),
    creditRating: names.lookupName(r.creditRatingId),
    taxId: r.taxId,
    legalRep: r.legalRep,
    website: r.website,
    contacts: contacts.length
      ? contacts.map(({ name, title, mobile, phone, email, isPrimary }) => ({ name, title, mobile, phone, email, isPrimary }))
      : null,
    addresses: addresses.length
      ? addresses.map(({ kind, country, street, postcode, isDefault, ...a }) => ({
          kind,
          country,
          division: divisionNames(a) || null,
          street,
          postcode,
          isDefault,
        }))
      : null,
    bankName: r.bankName,
    bankAccount: r.bankAccount,
    creditLimitCents: r.creditLimitCents,
    creditDays: r.creditDays,
    settlementMethod: names.lookupName(r.settlementMethodId),
    paymentTerms: r.paymentTerms,
    salesperson: names.userName(r.salespersonId),
    contractEndDate: r.contractEndDate,
    memo: r.memo,
  };
}
