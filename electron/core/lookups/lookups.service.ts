import { and, asc, eq, inArray } from 'drizzle-orm';
import { lookups } from '../../../db/schema';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import { conflictSince } from '../audit/audit.service';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Duplicate, Invalid, NotFound } from '../errors';
import type { LookupItem, LookupKind } from './shared/lookups.contract';

const toItem = (r: typeof lookups.$inferSelect): LookupItem => ({
  id: r.id,
  kind: r.kind as LookupKind,
  parentId: r.parentId,
  name: r.name,
  key: r.key,
  sort: r.sort,
  active: r.active,
  version: r.version,
});

export function listLookups(core: Core, kinds?: LookupKind[]) {
  const rows = core.db
    .select()
    .from(lookups)
    .where(kinds?.length ? inArray(lookups.kind, kinds) : undefined)
    .orderBy(asc(lookups.kind), asc(lookups.sort), asc(lookups.id))
    .all();
  return { items: rows.map(toItem) };
}

/** Only categories form a tree; a parent must be of the same kind and not the item itself or below it. */
function assertParent(core: Core, kind: string, parentId: number | null | undefined, selfId?: number): void {
  if (parentId == null) return;
  if (kind !== 'category') throw Invalid({ parentId: 'lookups.validation.parent' });
  for (let id: number | null = parentId; id != null; ) {
    if (id === selfId) throw Invalid({ parentId: 'lookups.validation.parent' });
    const p = core.db.select().from(lookups).where(eq(lookups.id, id)).get();
    if (!p || p.kind !== kind) throw Invalid({ parentId: 'lookups.validation.parent' });
    id = p.parentId;
  }
}

function assertNameFree(core: Core, kind: string, parentId: number | null, name: string, selfId?: number): void {
  const same = core.db
    .select({ id: lookups.id, parentId: lookups.parentId })
    .from(lookups)
    .where(and(eq(lookups.kind, kind), eq(lookups.name, name)))
    .all()
    .filter((r) => r.parentId === parentId && r.id !== selfId);
  if (same.length) throw Duplicate('name', 'lookups.errors.nameTaken');
}

export function createLookup(
  core: Core,
  actor: Actor,
  input: { kind: LookupKind; name: string; parentId?: number | null; sort?: number },
): LookupItem {
  return inTransaction(core, () => {
    const parentId = input.parentId ?? null;
    assertParent(core, input.kind, parentId);
    assertNameFree(core, input.kind, parentId, input.name);
    const at = core.clock.now();
    const sort =
      input.sort ??
      core.db
        .select({ sort: lookups.sort })
        .from(lookups)
        .where(eq(lookups.kind, input.kind))
        .all()
        .reduce((m, r) => Math.max(m, r.sort), 0) + 1;
    const row = core.db
      .insert(lookups)
      .values({
        kind: input.kind,
        name: input.name,
        parentId,
        sort,
        createdAt: at.toISOString(),
        createdBy: actor.id,
        updatedAt: at.toISOString(),
        updatedBy: actor.id,
      })
      .returning()
      .get();
    writeLog(core.db, at, actor, {
      entity: 'lookup',
      entityId: row.id,
      action: 'create',
      changes: diffFields(null, { kind: row.kind, name: row.name, parentId: row.parentId, sort: row.sort }, [
        'kind',
        'name',
        'parentId',
        'sort',
      ]),
    });
    return toItem(row);
  });
}

export function updateLookup(
  core: Core,
  actor: Actor,
  input: { id: number; version: number; name: string; parentId?: number | null; sort?: number; active: boolean },
): LookupItem {
  return inTransaction(core, () => {
    const before = core.db.select().from(lookups).where(eq(lookups.id, input.id)).get();
    if (!before) throw NotFound();
    if (before.version !== input.version) {
      const versions = before.version - input.version;
      throw conflictSince(core, { entity: 'lookup', entityId: input.id, action: 'update', versions });
    }
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    assertParent(core, before.kind, parentId, before.id);
    assertNameFree(core, before.kind, parentId, input.name, before.id);
    const at = core.clock.now();
    const next = { name: input.name, parentId, sort: input.sort ?? before.sort, active: input.active };
    core.db
      .update(lookups)
      .set({ ...next, updatedAt: at.toISOString(), updatedBy: actor.id, version: before.version + 1 })
      .where(eq(lookups.id, input.id))
      .run();
    writeLog(core.db, at, actor, {
      entity: 'lookup',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, next, ['name', 'parentId', 'sort', 'active']),
    });
    return toItem(core.db.select().from(lookups).where(eq(lookups.id, input.id)).get()!);
  });
}
