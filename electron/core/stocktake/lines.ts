import type { z } from 'zod';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Conflict, NotFound } from '../errors';
import { inTransaction } from '../transaction';
import type { EVIDENCE_KINDS, StocktakeLine, stocktakeContract } from './shared/stocktake.contract';
import { type BriefRow, loadStocktake, type StocktakeRow, toBrief } from './stocktake.rows';
import { wrongStatus } from './stocktakes';

type In<C extends keyof typeof stocktakeContract> = z.output<(typeof stocktakeContract)[C]['input']>;
type Evidence = (typeof EVIDENCE_KINDS)[number];

const LINE_SQL = `SELECT l.id, l.code, l.scans, l.first_at AS firstAt, fu.display_name AS firstUserName, l.last_at AS lastAt,
    lu.display_name AS lastUserName, l.checked, l.evidence, l.note, l.version,
    (SELECT count(*) FROM stocktake_corrections k WHERE k.line_id = l.id AND k.status = 'proposed') AS pendingCorrections,
    c.id AS customerId, c.code AS customerCode, c.name AS customerName, c.status AS customerStatus, cat.name AS categoryName,
    rs.name AS statusReasonName, c.status_memo AS statusMemo, m.id AS mergedId, m.code AS mergedCode, m.name AS mergedName
  FROM stocktake_lines l
  LEFT JOIN users fu ON fu.id = l.first_user_id
  LEFT JOIN users lu ON lu.id = l.last_user_id
  LEFT JOIN customers c ON c.id = l.customer_id
  LEFT JOIN lookups cat ON cat.id = c.category_id
  LEFT JOIN lookups rs ON rs.id = c.status_reason_id
  LEFT JOIN customers m ON m.id = c.merged_into_id`;

type LineRow = Omit<StocktakeLine, 'customer' | 'checked' | 'evidence'> & {
  checked: number;
  evidence: string | null;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  customerStatus: BriefRow['status'] | null;
} & Pick<BriefRow, 'categoryName' | 'statusReasonName' | 'statusMemo' | 'mergedId' | 'mergedCode' | 'mergedName'>;

function toLine(r: LineRow): StocktakeLine {
  const customer =
    r.customerId == null
      ? null
      : toBrief({ ...r, id: r.customerId, code: r.customerCode ?? '', name: r.customerName ?? '', status: r.customerStatus ?? 'active' });
  return {
    id: r.id,
    code: r.code,
    customer,
    scans: r.scans,
    firstAt: r.firstAt,
    firstUserName: r.firstUserName,
    lastAt: r.lastAt,
    lastUserName: r.lastUserName,
    checked: r.checked === 1,
    evidence: r.evidence ? (JSON.parse(r.evidence) as Evidence[]) : [],
    note: r.note,
    pendingCorrections: r.pendingCorrections,
    version: r.version,
  };
}

/** A line of this stocktake (NOT_FOUND when it is another's). */
export function loadLine(core: Core, stocktakeId: number, lineId: number): StocktakeLine & { customerId: number | null } {
  const r = core.statements.prepare(`${LINE_SQL} WHERE l.id = ? AND l.stocktake_id = ?`).get(lineId, stocktakeId) as LineRow | undefined;
  if (!r) throw NotFound();
  return { ...toLine(r), customerId: r.customerId };
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Counted lines, newest first; `q` finds a code or a name (part of it). A pool read. */
export function listLines(core: Core, input: In<'stocktake.lines'>) {
  loadStocktake(core, input.stocktakeId);
  const q = input.q?.normalize('NFKC').trim();
  const where = q ? `l.stocktake_id = ? AND (l.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')` : 'l.stocktake_id = ?';
  const params = q ? [input.stocktakeId, likeOf(q.toUpperCase()), likeOf(q)] : [input.stocktakeId];
  const total = core.statements
    .prepare(`SELECT count(*) FROM stocktake_lines l LEFT JOIN customers c ON c.id = l.customer_id WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = core.statements
    .prepare(`${LINE_SQL} WHERE ${where} ORDER BY l.id DESC LIMIT ? OFFSET ?`)
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as LineRow[];
  return { items: rows.map(toLine), total };
}

/** Lines change (note, evidence, 已核对, proposals) while counting or reconciling. */
export function assertLinesEditable(st: StocktakeRow): void {
  if (st.status !== 'counting' && st.status !== 'reconciling') throw wrongStatus(st, 'stocktake.errors.linesLocked');
}

/** A line's note, evidence and 已核对, with a version check, logged. */
export function updateLine(core: Core, actor: Actor, input: In<'stocktake.updateLine'>): StocktakeLine {
  inTransaction(core, () => {
    const st = loadStocktake(core, input.stocktakeId);
    const line = loadLine(core, st.id, input.lineId);
    assertLinesEditable(st);
    if (line.version !== input.version) throw Conflict();
    const next = {
      note: input.note === undefined ? line.note : input.note,
      evidence: input.evidence === undefined ? line.evidence : [...new Set(input.evidence)],
      checked: input.checked ?? line.checked,
    };
    const changes = diffFields({ ...line }, next, ['note', 'evidence', 'checked']);
    const at = core.clock.now();
    core.statements
      .prepare(
        'UPDATE stocktake_lines SET note = ?, evidence = ?, checked = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
      )
      .run(next.note, next.evidence.length ? JSON.stringify(next.evidence) : null, next.checked ? 1 : 0, at.toISOString(), actor.id, line.id);
    writeLog(core.db, at, actor, {
      entity: 'stocktake',
      entityId: st.id,
      action: 'updateLine',
      changes: { line: { before: null, after: { id: line.id, code: line.code } }, ...changes },
    });
  });
  return loadLine(core, input.stocktakeId, input.lineId);
}
