import type { Db } from '../../../db/open';
import { operationLog } from '../../../db/schema';

export type Changes = Record<string, { before: unknown; after: unknown }>;

interface LogEntry {
  entity: string;
  entityId?: string | number | null;
  action: string;
  changes?: Changes | null;
  reason?: string | null;
  /** the paired device, for a row without an actor (a failed sign-in from a device) */
  deviceId?: number | null;
}

export interface LogActor {
  id: number;
  displayName: string;
  /** the paired device the change was made on (office network); absent or null on this PC */
  deviceId?: number | null;
  /** the call's X-Request-Key: a call sent again finds it (dispatch.ts) and is not done twice */
  requestKey?: string | null;
}

/** Appends one row to 操作日志. Call it inside the mutation's transaction. */
export function writeLog(db: Db, at: Date, actor: LogActor | null, entry: LogEntry): void {
  db.insert(operationLog)
    .values({
      at: at.toISOString(),
      userId: actor?.id ?? null,
      userName: actor?.displayName ?? null,
      deviceId: actor?.deviceId ?? entry.deviceId ?? null,
      requestKey: actor?.requestKey ?? null,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      action: entry.action,
      changes: entry.changes && Object.keys(entry.changes).length ? JSON.stringify(entry.changes) : null,
      reason: entry.reason ?? null,
    })
    .run();
}

/** The fields whose values differ between two versions of a record, as { before, after }. */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: (keyof T & string)[],
): Changes {
  const out: Changes = {};
  for (const f of fields) {
    const b = before?.[f] ?? null;
    const a = after[f] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[f] = { before: b, after: a };
  }
  return out;
}
