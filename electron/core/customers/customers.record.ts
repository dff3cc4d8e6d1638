import { asc, eq } from 'drizzle-orm';
import { customerAddresses, customerContacts, customers, users } from '../../../db/schema';
import type { Core } from '../core';
import { NotFound } from '../errors';
import { historyView } from './customer.rows';
import type { CustomerDetail } from './shared/customers.contract';
import { RECORD_COLUMNS } from './shared/fields';
import { lookupNames } from './references';
import { readStatusInfo } from '../status/status.record';

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
    uid == null
      ? null
      : (core.db.select({ n: users.displayName }).from(users).where(eq(users.id, uid)).get()?.n ?? null);
  return {
    ...pickRecord(c),
    nature: c.nature as CustomerDetail['nature'],
    status: c.status as CustomerDetail['status'],
    statusInfo: readStatusInfo(core, id),
    lastVerifiedAt: c.lastVerifiedAt,
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

/** The record's fields as stored (fields.ts: the customers columns the form edits). */
function pickRecord(c: CustomerRow) {
  const out = { id: c.id } as Pick<CustomerRow, 'id' | (typeof RECORD_COLUMNS)[number]>;
  for (const column of RECORD_COLUMNS) (out as Record<string, unknown>)[column] = c[column];
  return out;
}

/** A record as the operation log keeps it (see customer.rows.ts). */
export function loggable(core: Core, d: CustomerDetail): Record<string, unknown> {
  const names = lookupNames(core, [d.categoryId, d.industryId, d.regionId, d.creditRatingId, d.settlementMethodId]);
  return historyView(d, d.contacts, d.addresses, {
    lookupName: (id) => (id == null ? null : (names.get(id) ?? String(id))),
    userName: () => d.salespersonName,
  });
}
