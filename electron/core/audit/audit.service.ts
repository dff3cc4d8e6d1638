import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { operationLog } from '../../../db/schema';
import type { Core } from '../core';
import type { AuditRow } from './audit.contract';

export interface AuditQuery {
  page: number;
  pageSize: number;
  userId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Newest first, filtered, paged on the server. */
export function listAudit(core: Core, q: AuditQuery) {
  const where: SQL[] = [];
  if (q.userId) where.push(eq(operationLog.userId, q.userId));
  if (q.entity) where.push(eq(operationLog.entity, q.entity));
  if (q.entityId) where.push(eq(operationLog.entityId, q.entityId));
  if (q.action) where.push(eq(operationLog.action, q.action));
  if (q.from) where.push(gte(operationLog.at, new Date(q.from).toISOString()));
  if (q.to) where.push(lt(operationLog.at, new Date(q.to).toISOString()));
  const cond = where.length ? and(...where) : undefined;
  const total = core.db.select({ n: sql<number>`count(*)` }).from(operationLog).where(cond).get()?.n ?? 0;
  const rows = core.db
    .select()
    .from(operationLog)
    .where(cond)
    .orderBy(desc(operationLog.at), desc(operationLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all();
  const items: AuditRow[] = rows.map((r) => ({ ...r, changes: r.changes ? JSON.parse(r.changes) : null }));
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
  const entities = core.sqlite.prepare('SELECT DISTINCT entity FROM operation_log ORDER BY entity').pluck().all() as string[];
  const actions = core.sqlite.prepare('SELECT DISTINCT action FROM operation_log ORDER BY action').pluck().all() as string[];
  return { users, entities, actions };
}
