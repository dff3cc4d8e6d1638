import type { z } from 'zod';
import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import { conflictSince } from '../audit/audit.service';
import type { Core } from '../core';
import { readCustomer } from '../customers/customers.record';
import { updateCustomer } from '../customers/customers.service';
import { customerUpdateSchema } from '../customers/shared/customers.contract';
import { customerFieldsSchema } from '../customers/shared/record.schema';
import type { CustomerDetail } from '../customers/shared/customers.contract';
import { Invalid, NotFound, Refused } from '../errors';
import { inTransaction } from '../transaction';
import type { CorrectionProposal, correctionSchema, stocktakeContract } from './shared/stocktake.contract';

type Correction = z.output<typeof correctionSchema>;
type Reader = Pick<Core['sqlite'], 'prepare'>;
type DecideInput = z.output<(typeof stocktakeContract)['stocktake.decideCorrection']['input']>;

interface Row {
  id: number;
  stocktakeId: number;
  lineId: number;
  customerId: number;
  code: string;
  name: string;
  version: number;
  customerVersion: number;
  proposal: string;
  before: string;
  status: Correction['status'];
  proposedByName: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionMemo: string | null;
}

const SELECT = `SELECT k.id, k.stocktake_id AS stocktakeId, k.line_id AS lineId, k.customer_id AS customerId, c.code, c.name,
    c.version, k.customer_version AS customerVersion, k.proposal, k.before, k.status, pu.display_name AS proposedByName,
    k.proposed_at AS proposedAt, du.display_name AS decidedByName, k.decided_at AS decidedAt, k.decision_memo AS decisionMemo
  FROM stocktake_corrections k
  JOIN customers c ON c.id = k.customer_id
  LEFT JOIN users pu ON pu.id = k.proposed_by
  LEFT JOIN users du ON du.id = k.decided_by`;

function toCorrection(r: Row): Correction {
  return {
    id: r.id,
    lineId: r.lineId,
    customer: { id: r.customerId, code: r.code, name: r.name },
    proposal: JSON.parse(r.proposal) as Record<string, unknown>,
    before: JSON.parse(r.before) as Record<string, unknown>,
    customerChanged: r.status === 'proposed' && r.version !== r.customerVersion,
    status: r.status,
    proposedByName: r.proposedByName,
    proposedAt: r.proposedAt,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionMemo: r.decisionMemo,
  };
}

/** A stocktake's corrections (optionally of one status), oldest first. */
export function listCorrections(
  db: Reader,
  q: { id: number; status?: Correction['status']; page: number; pageSize: number },
): { items: Correction[]; total: number } {
  if (db.prepare('SELECT 1 FROM stocktakes WHERE id = ?').get(q.id) === undefined) throw NotFound();
  const where = `WHERE k.stocktake_id = @id${q.status ? ' AND k.status = @status' : ''}`;
  const p = { id: q.id, ...(q.status ? { status: q.status } : {}) };
  const rows = db
    .prepare(`${SELECT} ${where} ORDER BY k.id LIMIT @limit OFFSET @offset`)
    .all({ ...p, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Row[];
  const total = db.prepare(`SELECT count(*) FROM stocktake_corrections k ${where}`).pluck().get(p) as number;
  return { items: rows.map(toCorrection), total };
}

/** The record's editable fields from its detail (customer.update's input, contacts and addresses without ids). */
function editable(d: CustomerDetail) {
  const keys = Object.keys(customerFieldsSchema.shape);
  const base = Object.fromEntries(keys.filter((k) => k in d).map((k) => [k, d[k as keyof CustomerDetail]]));
  return {
    ...base,
    contacts: d.contacts.map(({ id: _id, ...c }) => c),
    addresses: d.addresses.map(({ id: _id, ...a }) => a),
  } as Record<string, unknown> & {
    contacts: Omit<CustomerDetail['contacts'][number], 'id'>[];
    addresses: Omit<CustomerDetail['addresses'][number], 'id'>[];
  };
}

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The proposal laid over the record: the primary contact's name / mobile / phone (a first contact
 * when there is none; null values clear), or the primary contact removed (`contact: null`); the
 * address of the proposal's kind (the default one of that kind, or a new default address), or that
 * address removed (`removeAddress`).
 */
function withProposal(d: CustomerDetail, p: CorrectionProposal) {
  const r = editable(d);
  const primary = Math.max(0, r.contacts.findIndex((c) => c.isPrimary));
  if (p.contact === null) {
    r.contacts.splice(primary, 1);
  } else if (p.contact) {
    const change = defined({ name: p.contact.name, mobile: p.contact.mobile, phone: p.contact.phone });
    if (r.contacts[primary]) r.contacts[primary] = { ...r.contacts[primary], ...change };
    else
      r.contacts.push({ name: d.name, title: null, mobile: null, phone: null, email: null, ...change, isPrimary: true });
  }
  const kind = p.address?.kind ?? p.removeAddress;
  if (kind) {
    const same = r.addresses.filter((a) => a.kind === kind);
    const target = same.find((a) => a.isDefault) ?? same[0];
    if (p.address) {
      const values = { provinceCode: null, cityCode: null, districtCode: null, street: null, postcode: null, ...p.address };
      if (target) Object.assign(target, values);
      else r.addresses.push({ ...values, isDefault: true });
    } else if (target) {
      r.addresses.splice(r.addresses.indexOf(target), 1);
      // another address of the kind takes the default's place
      const next = r.addresses.find((a) => a.kind === kind);
      if (target.isDefault && next) next.isDefault = true;
    }
  }
  return r;
}

/**
 * Applies a proposed correction through the customer edit path (version check, duplicates, history,
 * log), or rejects it with a memo. A customer changed since the proposal is refused (CONFLICT,
 * naming who changed what) unless the caller saw the difference and accepts it.
 */
export function decideCorrection(core: Core, actor: Actor, input: DecideInput): Correction {
  return inTransaction(core, () => {
    const row = core.sqlite.prepare(`${SELECT} WHERE k.id = ?`).get(input.id) as Row | undefined;
    if (!row) throw NotFound();
    const st = core.sqlite.prepare('SELECT no, status FROM stocktakes WHERE id = ?').get(row.stocktakeId) as {
      no: string;
      status: string;
    };
    if (st.status !== 'reconciling') throw Refused('INVALID_TRANSITION', 'stocktake.errors.notReconciling', { no: st.no });
    if (row.status !== 'proposed') throw Refused('CONFLICT', 'stocktake.errors.correctionDecided', { code: row.code, name: row.name });
    const memo = input.memo ?? null;
    const at = core.clock.now();
    if (input.decision === 'reject') {
      if (!memo) throw Invalid({ memo: 'stocktake.validation.reasonRequired' });
    } else {
      const current = readCustomer(core, row.customerId);
      if (current.version !== row.customerVersion && !input.acceptChanged) {
        throw conflictSince(core, {
          entity: 'customer',
          entityId: row.customerId,
          action: 'update',
          versions: current.version - row.customerVersion,
        });
      }
      const parsed = customerUpdateSchema.safeParse({
        ...withProposal(current, JSON.parse(row.proposal) as CorrectionProposal),
        id: row.customerId,
        version: current.version,
        // a phone another customer has: the decider's memo is the reason to go on
        duplicateReason: memo,
      });
      if (!parsed.success) throw Refused('INVALID_INPUT', 'stocktake.errors.correctionInvalid', { code: row.code, name: row.name });
      updateCustomer(core, actor, parsed.data);
    }
    const status = input.decision === 'apply' ? 'applied' : 'rejected';
    core.sqlite
      .prepare('UPDATE stocktake_corrections SET status = ?, decided_by = ?, decided_at = ?, decision_memo = ? WHERE id = ?')
      .run(status, actor.id, at.toISOString(), memo, row.id);
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: row.stocktakeId,
      action: input.decision === 'apply' ? 'applyCorrection' : 'rejectCorrection',
      changes: {
        correction: { before: 'proposed', after: status },
        customer: { before: null, after: `${row.code} ${row.name}` },
        proposal: { before: JSON.parse(row.before), after: JSON.parse(row.proposal) },
      },
      reason: memo,
    });
    return toCorrection(core.sqlite.prepare(`${SELECT} WHERE k.id = ?`).get(row.id) as Row);
  });
}
