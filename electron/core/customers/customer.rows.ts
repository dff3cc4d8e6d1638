import type { z } from 'zod';
import { normalizeCustomerName, phoneDigits } from './shared/customer.rules';
import type { customerFieldsSchema } from './shared/customers.contract';
import { CUSTOMER_FIELDS, type FieldDef, type HistoryField, historyKey } from './shared/fields';
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

/** Fields the history shows, in form order; references appear by name, not id (fields.ts). */
export { HISTORY_FIELDS } from './shared/fields';

type HistoryInput = CustomerColumns & { code: string };
interface Names {
  lookupName(id: number | null): string | null;
  userName(id: number | null): string | null;
}
type ContactView = Pick<ContactRow, 'name' | 'title' | 'mobile' | 'phone' | 'email' | 'isPrimary'>;
type AddressView = Pick<AddressRow, 'kind' | 'country' | 'provinceCode' | 'cityCode' | 'districtCode' | 'street' | 'postcode' | 'isDefault'>;

const LOGGED_FIELDS = (CUSTOMER_FIELDS as readonly FieldDef[]).filter((f) => f.logged);

/** A record as the operation log keeps it: readable values, contacts and addresses without ids. */
export function historyView(
  r: Omit<HistoryInput, 'nameNorm'>,
  contacts: ContactView[],
  addresses: AddressView[],
  names: Names,
): Record<HistoryField, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of LOGGED_FIELDS) {
    const value = f.column === 'contacts' || f.column === 'addresses' ? null : r[f.column as keyof typeof r];
    out[historyKey(f)] =
      f.column === 'contacts'
        ? contactsView(contacts)
        : f.column === 'addresses'
          ? addressesView(addresses)
          : f.lookup
            ? names.lookupName(value as number | null)
            : f.user
              ? names.userName(value as number | null)
              : value;
  }
  return out as Record<HistoryField, unknown>;
}

function contactsView(contacts: ContactView[]) {
  return contacts.length
    ? contacts.map(({ name, title, mobile, phone, email, isPrimary }) => ({ name, title, mobile, phone, email, isPrimary }))
    : null;
}

function addressesView(addresses: AddressView[]) {
  return addresses.length
    ? addresses.map(({ kind, country, street, postcode, isDefault, ...a }) => ({
        kind,
        country,
        division: divisionNames(a) || null,
        street,
        postcode,
        isDefault,
      }))
    : null;
}
