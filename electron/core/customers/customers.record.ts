import { asc, eq } from 'drizzle-orm';
import { customerAddresses, customerContacts, customers, users } from '../../../db/schema';
import type { Core } from '../core';
import { NotFound } from '../errors';
import type { CustomerDetail } from './customers.contract';
import { divisionNames, lookupNames } from './references';

type CustomerRow = typeof customers.$inferSelect;

/** The full record as the contract returns it. */
export function readCustomer(core: Core, id: number): CustomerDetail {
  const c = core.db.select().from(customers).where(eq(customers.id, id)).get();
  if (!c) throw NotFound();
  const contacts = core.db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, id))
    .orderBy(asc(customerContacts.sort), asc(customerContacts.id))
    .all();
  const addresses = core.db
    .select()
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, id))
    .orderBy(asc(customerAddresses.sort), asc(customerAddresses.id))
    .all();
  const name = (uid: number | null) =>
    uid == null ? null : (core.db.select({ n: users.displayName }).from(users).where(eq(users.id, uid)).get()?.n ?? null);
  return {
    ...pickRecord(c),
    nature: c.nature as CustomerDetail['nature'],
    status: c.status,
    salespersonName: name(c.salespersonId),
    contacts: contacts.map(({ customerId: _c, sort: _s, ...rest }) => rest),
    addresses: addresses.map(({ customerId: _c, sort: _s, ...rest }) => ({ ...rest, kind: rest.kind as 'registered' })),
    createdAt: c.createdAt,
    createdByName: name(c.createdBy),
    updatedAt: c.updatedAt,
    updatedByName: name(c.updatedBy),
    version: c.version,
  };
}

function pickRecord(c: CustomerRow) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    shortName: c.shortName,
    mnemonic: c.mnemonic,
    categoryId: c.categoryId,
    industryId: c.industryId,
    regionId: c.regionId,
    creditRatingId: c.creditRatingId,
    taxId: c.taxId,
    legalRep: c.legalRep,
    website: c.website,
    bankName: c.bankName,
    bankAccount: c.bankAccount,
    creditLimitCents: c.creditLimitCents,
    creditDays: c.creditDays,
    settlementMethodId: c.settlementMethodId,
    paymentTerms: c.paymentTerms,
    salespersonId: c.salespersonId,
    contractEndDate: c.contractEndDate,
    memo: c.memo,
  };
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

/** A record as the operation log keeps it: readable values, contacts and addresses without ids. */
export function loggable(core: Core, d: CustomerDetail): Record<string, unknown> {
  const names = lookupNames(core, [d.categoryId, d.industryId, d.regionId, d.creditRatingId, d.settlementMethodId]);
  const n = (id: number | null) => (id == null ? null : (names.get(id) ?? String(id)));
  return {
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    mnemonic: d.mnemonic,
    nature: d.nature,
    category: n(d.categoryId),
    industry: n(d.industryId),
    region: n(d.regionId),
    creditRating: n(d.creditRatingId),
    taxId: d.taxId,
    legalRep: d.legalRep,
    website: d.website,
    contacts: d.contacts.length
      ? d.contacts.map(({ name, title, mobile, phone, email, isPrimary }) => ({ name, title, mobile, phone, email, isPrimary }))
      : null,
    addresses: d.addresses.length
      ? d.addresses.map(({ kind, country, street, postcode, isDefault, ...a }) => ({
          kind,
          country,
          division: divisionNames(a) || null,
          street,
          postcode,
          isDefault,
        }))
      : null,
    bankName: d.bankName,
    bankAccount: d.bankAccount,
    creditLimitCents: d.creditLimitCents,
    creditDays: d.creditDays,
    settlementMethod: n(d.settlementMethodId),
    paymentTerms: d.paymentTerms,
    salesperson: d.salespersonName,
    contractEndDate: d.contractEndDate,
    memo: d.memo,
  };
}
