import { and, eq, inArray, ne, or } from 'drizzle-orm';
import { customerContacts, customers } from '../../../db/schema';
import type { Core } from '../core';
import { Duplicate } from '../errors';
import { MAINLAND_MOBILE, normalizeCustomerName, normalizeMobile, normalizeTaxId, phoneDigits } from './shared/customer.rules';
import type { DuplicateMatch } from './shared/customers.contract';

export interface DuplicateQuery {
  name?: string | null;
  taxId?: string | null;
  phones?: (string | null | undefined)[];
  excludeId?: number;
}

/** Digits of the phones worth comparing: mobiles and numbers of 7+ digits. */
function comparablePhones(phones: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const p of phones) {
    if (!p) continue;
    const mobile = normalizeMobile(p);
    const digits = MAINLAND_MOBILE.test(mobile) ? mobile : phoneDigits(p);
    if (digits.length >= 7) out.add(digits);
  }
  return [...out];
}

/**
 * Customers that a record may duplicate, deactivated ones included: the same tax ID (refused on
 * save), the same name once folded (北京 海淀科技（有限责任公司） = 北京海淀科技有限公司), the same phone.
 */
export function findDuplicates(core: Core, q: DuplicateQuery): DuplicateMatch[] {
  const matches = new Map<number, DuplicateMatch>();
  const others = q.excludeId ? ne(customers.id, q.excludeId) : undefined;
  const add = (rows: { id: number; code: string; name: string; status: string }[], reason: DuplicateMatch['reason']) => {
    for (const r of rows) if (!matches.has(r.id)) matches.set(r.id, { ...r, reason });
  };
  const cols = { id: customers.id, code: customers.code, name: customers.name, status: customers.status };
  const taxId = q.taxId ? normalizeTaxId(q.taxId) : '';
  if (taxId) add(core.db.select(cols).from(customers).where(and(eq(customers.taxId, taxId), others)).limit(20).all(), 'taxId');
  const norm = q.name ? normalizeCustomerName(q.name) : '';
  if (norm) add(core.db.select(cols).from(customers).where(and(eq(customers.nameNorm, norm), others)).limit(20).all(), 'name');
  const phones = comparablePhones(q.phones ?? []);
  if (phones.length) {
    const rows = core.db
      .selectDistinct(cols)
      .from(customerContacts)
      .innerJoin(customers, eq(customers.id, customerContacts.customerId))
      .where(and(or(inArray(customerContacts.mobile, phones), inArray(customerContacts.phoneDigits, phones)), others))
      .limit(20)
      .all();
    add(rows, 'phone');
  }
  return [...matches.values()];
}

/** Same tax ID: refused, naming the existing customer (active or not). */
export function assertTaxIdFree(core: Core, taxId: string | null | undefined, excludeId?: number): void {
  if (!taxId) return;
  const hit = core.db
    .select({ code: customers.code, name: customers.name, status: customers.status })
    .from(customers)
    .where(and(eq(customers.taxId, taxId), excludeId ? ne(customers.id, excludeId) : undefined))
    .get();
  if (hit) {
    throw Duplicate('taxId', 'customers.errors.taxIdTaken', hit);
  }
}

export function assertCodeFree(core: Core, code: string): void {
  if (core.db.select({ id: customers.id }).from(customers).where(eq(customers.code, code)).get()) {
    throw Duplicate('code', 'customers.errors.codeTaken', { code });
  }
}
