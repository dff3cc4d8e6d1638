import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { operationLog } from '../../../db/schema';
import type { Core } from '../core';
import { Conflict, type DomainError, Refused } from '../errors';
import type { Changes } from './audit.log';
import { expandImportEntry, isCompactImportEntry } from './import-entry';
import type { AuditRow } from './shared/audit.contract';

interface AuditQuery {
  page: number;
  pageSize: number;
  userId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * The rows of one page (ids in order) with the record each is about, looked up by primary key:
 * customers by code and name, users by user name and display name, managed-list items by name.
 */
export const PAGE_ROWS = `
  SELECT o.id, o.at, o.user_id AS userId, o.user_name AS userName, o.entity, o.entity_id AS entityId,
         o.action, o.changes, o.reason,
         coalesce(c.id, u.id, l.id, nd.id) AS targetId,
         coalesce(c.code, u.username) AS targetCode,
         coalesce(c.name, u.display_name, l.name, nd.name) AS targetName,
         d.id AS deviceId, d.name AS deviceName
  FROM json_each(?) p
  CROSS JOIN operation_log o ON o.id = p.value
  LEFT JOIN customers c ON o.entity = 'customer' AND c.id = CAST(o.entity_id AS INTEGER)
  LEFT JOIN users u ON o.entity = 'user' AND u.id = CAST(o.entity_id AS INTEGER)
  LEFT JOIN lookups l ON o.entity = 'lookup' AND l.id = CAST(o.entity_id AS INTEGER)
  LEFT JOIN network_devices nd ON o.entity = 'networkDevice' AND nd.id = CAST(o.entity_id AS INTEGER)
  LEFT JOIN network_devices d ON d.id = o.device_id
  ORDER BY p.key`;

const BATCH_DATA_KEYS = ['fields', 'mapping', 'sha256'] as const;

export interface LogRow extends Omit<AuditRow, 'changes' | 'target' | 'device'> {
  changes: string | null;
  targetId: number | null;
  targetCode: string | null;
  targetName: string | null;
  deviceId: number | null;
  deviceName: string | null;
}

function toAuditRow(
  { targetId, targetCode, targetName, deviceId, deviceName, changes, ...r }: LogRow,
  batchOf: (id: number) => Changes | null,
): AuditRow {
  const parsed: unknown = changes ? JSON.parse(changes) : null;
  // a batch entry's `fields` (the order of its customers' compact values), `mapping` (column →
  // field) and `sha256` (the stored file's content hash) are kept for whoever audits the file
  // with tools: not changes to show
  if (r.entity === 'customerImport' && parsed && typeof parsed === 'object') {
    for (const key of BATCH_DATA_KEYS) delete (parsed as Changes)[key];
  }
  return {
    ...r,
    changes: isCompactImportEntry(parsed)
      ? expandImportEntry(parsed, batchOf(parsed.importBatch))
      : (parsed as AuditRow['changes']),
    target: targetId != null && targetName != null ? { id: targetId, code: targetCode, name: targetName } : null,
    device: deviceId != null && deviceName != null ? { id: deviceId, name: deviceName } : null,
  };
}

/**
 * The rows as the log's readers see them: a customer an import created is stored compactly,
 * pointing to its import's batch entry (import-entry.ts), and read back in full; each batch entry
 * is read once per call.
 */
export function auditRows(core: Core, rows: LogRow[]): AuditRow[] {
  const batchRow = core.sqlite
    .prepare("SELECT changes FROM operation_log WHERE id = ? AND entity = 'customerImport'")
    .pluck();
  const batches = new Map<number, Changes | null>();
  const batchOf = (id: number) => {
    if (!batches.has(id)) {
      const text = batchRow.get(id) as string | null | undefined;
      batches.set(id, text ? (JSON.parse(text) as Changes) : null);
    }
    return batches.get(id) ?? null;
  };
  return rows.map((r) => toAuditRow(r, batchOf));
}

/** Newest first, filtered, paged on the server; each row with the record it is about. */
export function listAudit(core: Core, q: AuditQuery) {
  const pageRows = core.sqlite.prepare(PAGE_ROWS);
  const where: SQL[] = [];
  if (q.userId) where.push(eq(operationLog.userId, q.userId));
  if (q.entity) where.push(eq(operationLog.entity, q.entity));
  if (q.entityId) where.push(eq(operationLog.entityId, q.entityId));
  if (q.action) where.push(eq(operationLog.action, q.action));
  if (q.from) where.push(gte(operationLog.at, new Date(q.from).toISOString()));
  if (q.to) where.push(lt(operationLog.at, new Date(q.to).toISOString()));
  const cond = where.length ? and(...where) : undefined;
  const total = core.db.select({ n: sql<number>`count(*)` }).from(operationLog).where(cond).get()?.n ?? 0;
  const page = core.db
    .select({ id: operationLog.id })
    .from(operationLog)
    .where(cond)
    .orderBy(desc(operationLog.at), desc(operationLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all()
    .map((r) => r.id);
  const items: AuditRow[] = auditRows(core, pageRows.all(JSON.stringify(page)) as LogRow[]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The values the filters offer: who has written the log, and which entities and actions occur. */
export function auditFacets(core: Core) {
  const users = core.sqlite
    .prepare(
      `SELECT user_id AS id, max(user_name) AS name FROM operation_log
       WHERE user_id IS NOT NULL GROUP BY user_id ORDER BY name`,
    )
    .all() as { id: number; name: string }[];
  const entities = core.sqlite
    .prepare('SELECT DISTINCT entity FROM operation_log ORDER BY entity')
    .pluck()
    .all() as string[];
  const actions = core.sqlite
    .prepare('SELECT DISTINCT action FROM operation_log ORDER BY action')
    .pluck()
    .all() as string[];
  return { users, entities, actions };
}

/**
 * A stale save's refusal that says who changed the record since it was read, when, and what:
 * the record's last `versions` log rows of `action` (one per saved version; several actions may
 * each save one). `by` lists the names of who saved them, `fields` the changed fields' names (the
 * renderer shows their labels): arrays, as a display name may hold a comma ('张三, 李四').
 */
export function conflictSince(
  core: Core,
  r: { entity: string; entityId: number; action: string | readonly string[]; versions: number },
): DomainError {
  // every action that saves a new version of the record (a user's: update, disable, resetPassword …)
  const actions = typeof r.action === 'string' ? [r.action] : [...r.action];
  const rows = core.sqlite
    .prepare(
      `SELECT user_name AS userName, at, changes FROM operation_log
       WHERE entity = ? AND entity_id = ? AND action IN (${actions.map(() => '?').join(', ')})
       ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(r.entity, String(r.entityId), ...actions, Math.max(1, r.versions)) as {
    userName: string | null;
    at: string;
    changes: string | null;
  }[];
  if (!rows.length) return Conflict();
  const by = [...new Set(rows.map((x) => x.userName).filter((n): n is string => !!n))];
  const fields = [...new Set(rows.flatMap((x) => Object.keys(x.changes ? JSON.parse(x.changes) : {})))];
  return Refused('CONFLICT', 'errors.changedBy', {
    by,
    at: rows[0].at,
    fields,
  });
}
