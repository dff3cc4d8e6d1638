import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { customerAddresses, customerContacts, customers } from '../../../db/schema';
import type { Actor } from '../actor';
import { type Changes, diffFields, writeLog } from '../audit/audit.log';
import { conflictSince, listAudit } from '../audit/audit.service';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { FieldRefused, NotFound, Refused } from '../errors';
import { takeNextCode } from './code';
import { addressRows, contactRows, customerColumns, HISTORY_FIELDS } from './customer.rows';
import { normalizeCustomerName } from './shared/customer.rules';
import {
  type CustomerDetail,
  type customerCreateSchema,
  type customerUpdateSchema,
  usccChecksumWarning,
} from './shared/customers.contract';
import { loggable, readCustomer } from './customers.record';
import { assertCodeFree, assertTaxIdFree, type DuplicateQuery, findDuplicates } from './duplicates';
import { assertReferences } from './references';
import { reindexCustomers } from './search/indexer';

type CustomerCreate = z.output<typeof customerCreateSchema>;
type CustomerUpdate = z.output<typeof customerUpdateSchema>;
type Fields = Omit<CustomerCreate, 'code' | 'duplicateReason' | 'confirmTaxIdChecksum'>;

function writeChildren(core: Core, customerId: number, f: Fields): void {
  core.db.delete(customerContacts).where(eq(customerContacts.customerId, customerId)).run();
  core.db.delete(customerAddresses).where(eq(customerAddresses.customerId, customerId)).run();
  for (const c of contactRows(f))
    core.db
      .insert(customerContacts)
      .values({ ...c, customerId })
      .run();
  for (const a of addressRows(f))
    core.db
      .insert(customerAddresses)
      .values({ ...a, customerId })
      .run();
}

/**
 * Inserts one customer with contacts, addresses, search index and its operation-log row.
 * Opens NO transaction: callers wrap it (createCustomer, the importer for many rows at once).
 * Refuses a taken code or tax ID (DUPLICATE); does not look for similar names (callers decide).
 */
export function insertCustomer(
  core: Core,
  actor: Actor,
  input: CustomerCreate,
  opts: { reason?: string | null } = {},
): CustomerDetail {
  assertReferences(core, input);
  assertTaxIdFree(core, input.taxId);
  const code = input.code || takeNextCode(core);
  assertCodeFree(core, code);
  const at = core.clock.now();
  const stamp = at.toISOString();
  const { id } = core.db
    .insert(customers)
    .values({
      code,
      ...customerColumns(input),
      status: 'active',
      createdAt: stamp,
      createdBy: actor.id,
      updatedAt: stamp,
      updatedBy: actor.id,
      lastActivityAt: stamp,
    })
    .returning({ id: customers.id })
    .get();
  writeChildren(core, id, input);
  reindexCustomers(core.statements, [id]);
  const created = readCustomer(core, id);
  writeLog(core.db, at, actor, {
    entity: 'customer',
    entityId: id,
    action: 'create',
    changes: withWarnings(diffFields(null, loggable(core, created), [...HISTORY_FIELDS]), taxIdWarnings(input, null)),
    reason: opts.reason ?? input.duplicateReason ?? null,
  });
  return created;
}

/** Similar name or same phone: the user must give a reason to go on. */
function assertNoPossibleDuplicate(core: Core, q: DuplicateQuery, duplicateReason: string | null | undefined): void {
  if (duplicateReason) return;
  const similar = findDuplicates(core, q).filter((m) => m.reason !== 'taxId');
  if (similar.length) {
    throw Refused('POSSIBLE_DUPLICATE', 'customers.errors.possibleDuplicate', {
      count: similar.length,
      code: similar[0].code,
      name: similar[0].name,
    });
  }
}

type TaxIdFields = Parameters<typeof usccChecksumWarning>[0];

/** The tax-ID warnings a save introduces: a pilot-era USCC (wrong check character) new to the record. */
function taxIdWarnings(input: TaxIdFields, before: TaxIdFields | null): string[] {
  const warning = usccChecksumWarning(input);
  if (!warning) return [];
  const known = before && before.taxId === input.taxId && usccChecksumWarning(before) === warning;
  return known ? [] : [warning];
}

/** A wrong check character is saved only when the user confirmed it (the form asks "仍然保存"). */
function assertTaxIdConfirmed(warnings: string[], confirmed: boolean | undefined): void {
  if (warnings.length && !confirmed) {
    throw FieldRefused('TAX_ID_CHECKSUM', 'customers.errors.taxIdChecksum', { taxId: 'customers.validation.usccChecksum' });
  }
}

/** The log row's changes plus the warnings the user confirmed (`warnings`: after = their codes). */
function withWarnings(changes: Changes, warnings: string[]): Changes {
  return warnings.length ? { ...changes, warnings: { before: null, after: warnings } } : changes;
}

const phonesOf = (contacts: { mobile?: string | null; phone?: string | null }[]) =>
  contacts.flatMap((c) => [c.mobile, c.phone]);

export function createCustomer(core: Core, actor: Actor, input: CustomerCreate): CustomerDetail {
  return inTransaction(core, () => {
    assertTaxIdConfirmed(taxIdWarnings(input, null), input.confirmTaxIdChecksum);
    assertNoPossibleDuplicate(core, { name: input.name, phones: phonesOf(input.contacts) }, input.duplicateReason);
    return insertCustomer(core, actor, input);
  });
}

export function updateCustomer(core: Core, actor: Actor, input: CustomerUpdate): CustomerDetail {
  return inTransaction(core, () => {
    const before = readCustomer(core, input.id);
    if (before.version !== input.version) {
      const versions = before.version - input.version;
      throw conflictSince(core, { entity: 'customer', entityId: input.id, action: 'update', versions });
    }
    // a retired record is history: only those who may retire customers may correct it
    if (before.status === 'deactivated' && !actor.permissions.has('customer.deactivate')) {
      throw Refused('FORBIDDEN', 'customers.errors.deactivatedReadOnly', {
        code: before.code,
        name: before.name,
      });
    }
    assertReferences(core, input, before);
    assertTaxIdFree(core, input.taxId, input.id);
    const warnings = taxIdWarnings(input, before);
    assertTaxIdConfirmed(warnings, input.confirmTaxIdChecksum);
    // warn only about what this edit introduces: a new name or a new phone
    const oldPhones = new Set(phonesOf(before.contacts));
    const newPhones = phonesOf(input.contacts).filter((p) => p && !oldPhones.has(p));
    const renamed = normalizeCustomerName(input.name) !== normalizeCustomerName(before.name);
    if (renamed || newPhones.length) {
      const q = { name: renamed ? input.name : null, phones: newPhones, excludeId: input.id };
      assertNoPossibleDuplicate(core, q, input.duplicateReason);
    }
    const at = core.clock.now();
    const res = core.db
      .update(customers)
      .set({
        ...customerColumns(input),
        updatedAt: at.toISOString(),
        updatedBy: actor.id,
        lastActivityAt: at.toISOString(),
        version: input.version + 1,
      })
      .where(eq(customers.id, input.id))
      .run();
    if (res.changes !== 1) throw NotFound();
    writeChildren(core, input.id, input);
    reindexCustomers(core.statements, [input.id]);
    const after = readCustomer(core, input.id);
    writeLog(core.db, at, actor, {
      entity: 'customer',
      entityId: input.id,
      action: 'update',
      changes: withWarnings(diffFields(loggable(core, before), loggable(core, after), [...HISTORY_FIELDS]), warnings),
      reason: input.duplicateReason ?? null,
    });
    return after;
  });
}

export function getCustomers(core: Core, ids: number[]) {
  const rows = core.db
    .select({ id: customers.id, code: customers.code, name: customers.name, status: customers.status })
    .from(customers)
    .where(inArray(customers.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** The record's change history from the operation log (every action on this customer). */
export function customerHistory(core: Core, id: number, page: number, pageSize: number) {
  const r = listAudit(core, { entity: 'customer', entityId: String(id), page, pageSize });
  return {
    items: r.items.map(({ id: logId, at, userName, action, changes, reason }) => ({
      id: logId,
      at,
      userName,
      action,
      changes,
      reason,
    })),
    total: r.total,
  };
}
