import type { Core } from '../../../electron/core/core';
import type { TestClient } from '../support/test-core';

/**
 * Stocktakes crafted straight in the tables (expected set, lines, corrections), so the
 * reconciliation's tests do not depend on the counting channels: the report reads only these rows.
 */
export interface Crafted {
  id: number;
  no: string;
}

let seq = 0;

export function craftStocktake(
  core: Core,
  opts: { status?: string; completedAt?: string | null; expected?: { id: number; categoryId?: number | null }[] } = {},
): Crafted {
  seq++;
  const no = `PD20260105-${String(seq).padStart(3, '0')}`;
  const at = core.clock.now().toISOString();
  const expected = opts.expected ?? [];
  const id = Number(
    core.sqlite
      .prepare(
        `INSERT INTO stocktakes (no, name, status, scope_kind, scope, expected_count, started_at, reconciling_at, completed_at,
           created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, 'all', '{"kind":"all"}', ?, ?, ?, ?, ?, 1, ?, 1)`,
      )
      .run(no, `盘点${seq}`, opts.status ?? 'reconciling', expected.length, at, at, opts.completedAt ?? null, at, at)
      .lastInsertRowid,
  );
  const add = core.sqlite.prepare(
    `INSERT INTO stocktake_expected (stocktake_id, customer_id, category_id, status) VALUES (?, ?, ?, 'active')`,
  );
  for (const e of expected) add.run(id, e.id, e.categoryId ?? null);
  return { id, no };
}

/** A line of `scans` live scans (0: every scan undone); customerId null for an unknown code. */
export function craftLine(
  core: Core,
  st: Crafted,
  line: { customerId: number | null; code: string; scans: number; note?: string; evidence?: string[]; checked?: boolean },
): number {
  const at = core.clock.now().toISOString();
  return Number(
    core.sqlite
      .prepare(
        `INSERT INTO stocktake_lines (stocktake_id, customer_id, code, scans, first_at, first_user_id, last_at, last_user_id,
           checked, evidence, note, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, 1, ?, 1, ?, ?, ?, ?, 1)`,
      )
      .run(
        st.id,
        line.customerId,
        line.code,
        line.scans,
        at,
        at,
        line.checked ? 1 : 0,
        line.evidence ? JSON.stringify(line.evidence) : null,
        line.note ?? null,
        at,
      ).lastInsertRowid,
  );
}

export function craftCorrection(
  core: Core,
  st: Crafted,
  c: { lineId: number; customerId: number; proposal: object; before?: object; status?: string },
): number {
  const version = core.sqlite.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(c.customerId) as number;
  return Number(
    core.sqlite
      .prepare(
        `INSERT INTO stocktake_corrections (stocktake_id, line_id, customer_id, proposal, before, customer_version, status,
           proposed_by, proposed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(
        st.id,
        c.lineId,
        c.customerId,
        JSON.stringify(c.proposal),
        JSON.stringify(c.before ?? {}),
        version,
        c.status ?? 'proposed',
        core.clock.now().toISOString(),
      ).lastInsertRowid,
  );
}

/** A customer made through customer.create; returns its id and code. */
export async function customer(client: TestClient, name: string, extra: object = {}) {
  const c = await client.ok('customer.create', { name, nature: 'other', duplicateReason: 'test', ...extra });
  return { id: c.id, code: c.code };
}

/** Sets a customer's state straight in the table (with a reason of the managed list, by key). */
export function setState(core: Core, id: number, status: 'frozen' | 'deactivated', reasonKey = 'inactive') {
  const reason = core.sqlite
    .prepare(`SELECT id FROM lookups WHERE kind = 'deactivationReason' AND key = ?`)
    .pluck()
    .get(reasonKey) as number;
  core.sqlite
    .prepare('UPDATE customers SET status = ?, status_reason_id = ?, status_changed_at = ? WHERE id = ?')
    .run(status, reason, core.clock.now().toISOString(), id);
}

export const inactiveReason = (core: Core) =>
  core.sqlite.prepare(`SELECT id FROM lookups WHERE kind = 'deactivationReason' AND key = 'inactive'`).pluck().get() as number;
