import type { Actor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import { inTransaction } from '../transaction';
import { assertLinesEditable, loadLine } from './lines';
import type { CorrectionProposal } from './shared/stocktake.contract';
import { loadStocktake } from './stocktake.rows';

/** The values a proposal would replace, as they are now: the primary contact, the address of its kind. */
function currentValues(core: Core, customerId: number, p: CorrectionProposal): Record<string, unknown> {
  const before: Record<string, unknown> = {};
  if (p.contact !== undefined) {
    before.contact =
      core.statements
        .prepare(
          `SELECT id, name, mobile, phone FROM customer_contacts WHERE customer_id = ?
           ORDER BY is_primary DESC, sort, id LIMIT 1`,
        )
        .get(customerId) ?? null;
  }
  const kind = p.address?.kind ?? p.removeAddress;
  if (kind) {
    before.address =
      core.statements
        .prepare(
          `SELECT id, kind, country, province_code AS provinceCode, city_code AS cityCode, district_code AS districtCode, street, postcode
           FROM customer_addresses WHERE customer_id = ? AND kind = ? ORDER BY is_default DESC, sort, id LIMIT 1`,
        )
        .get(customerId, kind) ?? null;
  }
  return before;
}

/**
 * Stores a counter's proposed correction of a counted customer's contact or address, with the
 * values it replaces and the customer's version (the reconciliation applies or rejects it). Only
 * for a line of a customer, while counting or reconciling; logged.
 */
export function proposeCorrection(
  core: Core,
  actor: Actor,
  input: { stocktakeId: number; lineId: number; proposal: CorrectionProposal },
) {
  return inTransaction(core, () => {
    const st = loadStocktake(core, input.stocktakeId);
    const line = loadLine(core, st.id, input.lineId);
    assertLinesEditable(st);
    if (line.customerId == null || !line.customer) throw InvalidField('lineId', 'stocktake.errors.lineWithoutCustomer');
    const customer = core.statements
      .prepare('SELECT id, code, name, version FROM customers WHERE id = ?')
      .get(line.customerId) as { id: number; code: string; name: string; version: number };
    const before = currentValues(core, customer.id, input.proposal);
    const at = core.clock.now();
    const stamp = at.toISOString();
    const id = Number(
      core.statements
        .prepare(
          `INSERT INTO stocktake_corrections (stocktake_id, line_id, customer_id, proposal, before, customer_version, status, proposed_by, proposed_at)
           VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?)`,
        )
        .run(st.id, line.id, customer.id, JSON.stringify(input.proposal), JSON.stringify(before), customer.version, actor.id, stamp)
        .lastInsertRowid,
    );
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: st.id,
      action: 'proposeCorrection',
      changes: { correction: { before: null, after: { id, lineId: line.id, customer: customer.code, proposal: input.proposal } } },
    });
    return {
      id,
      lineId: line.id,
      customer: { id: customer.id, code: customer.code, name: customer.name },
      proposal: input.proposal as Record<string, unknown>,
      before,
      customerChanged: false,
      status: 'proposed' as const,
      proposedByName: actor.displayName,
      proposedAt: stamp,
      decidedByName: null,
      decidedAt: null,
      decisionMemo: null,
    };
  });
}
