import { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { lookups, operationLog } from '../../../db/schema/index';
import type { Actor } from '../actor';
import type { Core } from '../core';
import { FieldRefused, Forbidden, InvalidField } from '../errors';
import { defineSetting, readSetting, writeSetting } from '../settings/settings.store';
import { normalizeProse, refusedTextKey } from '../shared/normalize';
import { bulkInsert } from './bulk-insert';
import { cellText, foldKey } from '../spreadsheet/cells';
import {
  type ImportField,
  LOOKUP_IMPORT_FIELDS,
  type LookupImportField,
  MAX_UNMATCHED_VALUES,
  MAX_VALUE_MAP_TEXT,
  type UnmatchedColumn,
  type ValueMapEntry,
} from './shared/import.contract';
import { checkMapping, columnsOf } from './mapping';
import type { LookupRef, MappedValue, RefData, RefIndex } from './refs';
import type { SheetTable } from '../spreadsheet/table';
import { bestMatch } from './value-similarity';
import type { PreparedCustomer } from './write';

/**
 * Values of managed-list columns that name no item (制造 where the list says 制造业): the user
 * maps each to an item, to a new item, or to nothing. The choices travel with validate / run as
 * the value map; the run creates the new items in its transaction and remembers the map in the
 * settings store, where the next import finds it as the default suggestion.
 */

export const VALUE_MAP_KEY = 'customerImport.valueMap';
/** Remembered choices: list kind → folded value → item id, or null (left empty). */
type Remembered = Partial<Record<LookupImportField, Record<string, number | null>>>;
const rememberedSchema = z.record(z.string(), z.record(z.string(), z.number().int().nullable()));

/** Placeholder ids of items still to be created: positive (the record's schema takes them), never real. */
const PLACEHOLDER_BASE = 2_000_000_000;
const isPlaceholder = (id: number | null | undefined): id is number => id != null && id >= PLACEHOLDER_BASE;

const REMEMBERED = defineSetting<Remembered>({
  key: VALUE_MAP_KEY,
  schema: rememberedSchema as z.ZodType<Remembered>,
  defaults: {},
});

/** Read from the worker's own connection, through the same typed store as Core's SettingsService. */
export function loadRemembered(sqlite: Sqlite): Remembered {
  return readSetting(sqlite, REMEMBERED);
}

const REASONS = {
  'import.errors.unknownLookup': 'unknown',
  'import.errors.inactiveLookup': 'inactive',
  'import.errors.ambiguous': 'ambiguous',
} as const;

/** The longest name a new managed-list item may take (as lookup.create allows). */
const MAX_ITEM_NAME = 50;

/**
 * Can the value map carry the value? Its entries are checked like every other input of a call
 * (no hidden characters, at most MAX_VALUE_MAP_TEXT long), and one refused entry refuses the whole
 * validate / run: such a value is never offered, and its rows fail as ordinary row errors.
 */
function carriable(value: string): boolean {
  return value.length <= MAX_VALUE_MAP_TEXT && refusedTextKey(value) === null;
}

/** For each managed-list column of the mapping: its distinct values that name no active item. */
export function unmatchedValues(table: SheetTable, mapping: (ImportField | null)[], refs: RefIndex, remembered: Remembered): UnmatchedColumn[] {
  if (checkMapping(mapping).length) return [];
  const cols = columnsOf(mapping);
  const out: UnmatchedColumn[] = [];
  for (const field of LOOKUP_IMPORT_FIELDS) {
    const c = cols[field];
    if (c === undefined) continue;
    const found = new Map<string, UnmatchedColumn['values'][number]>();
    for (const cells of table.rows) {
      const text = cellText(cells[c]).trim();
      const key = foldKey(text);
      if (!key) continue;
      const seen = found.get(key);
      if (seen) {
        seen.rows++;
        continue;
      }
      const r = refs.lookupExact(field, text);
      if (r.ok || !carriable(text)) continue;
      const reason = REASONS[r.messageKey as keyof typeof REASONS] ?? 'unknown';
      const creatable = reason === 'unknown' && normalizeProse(text).length <= MAX_ITEM_NAME;
      found.set(key, { value: text, rows: 1, reason, creatable, suggestion: null });
    }
    const items = refs.data.lookups.filter((l) => l.kind === field && l.active).map((l) => ({ id: l.id, label: refs.path(l) }));
    const values = [...found.entries()];
    values.sort(([, a], [, b]) => b.rows - a.rows || a.value.localeCompare(b.value, 'zh-CN'));
    const shown = values.slice(0, MAX_UNMATCHED_VALUES).map(([key, v]) => ({ ...v, suggestion: suggest(field, key, v.value, items, remembered) }));
    if (shown.length) out.push({ field, column: table.headers[c] ?? '', items, values: shown, more: values.length - shown.length });
  }
  return out;
}

function suggest(
  field: LookupImportField,
  key: string,
  value: string,
  items: { id: number; label: string }[],
  remembered: Remembered,
): UnmatchedColumn['values'][number]['suggestion'] {
  const before = remembered[field]?.[key];
  if (before === null) return { action: 'empty', id: null, source: 'remembered' };
  if (before !== undefined && items.some((i) => i.id === before)) return { action: 'item', id: before, source: 'remembered' };
  const best = bestMatch(value, items);
  return best ? { action: 'item', id: best.id, source: 'similar' } : null;
}

/** An item the value map asks to create, under its placeholder id until the run inserts it. */
interface PendingItem {
  placeholder: number;
  kind: LookupImportField;
  /** the value, folded */
  key: string;
  name: string;
}

/**
 * The reference lists with the value map applied: mapped values resolve to their item (only an
 * active item of the right list: anything else leaves the value unresolved, so its rows fail),
 * to nothing, or to the placeholder of a new item.
 */
export function applyValueMap(data: RefData, valueMap: ValueMapEntry[]): { data: RefData; pending: PendingItem[] } {
  if (!valueMap.length) return { data, pending: [] };
  const active = new Set(data.lookups.filter((l) => l.active).map((l) => `${l.kind}:${l.id}`));
  const mapped: MappedValue[] = [];
  const pending: PendingItem[] = [];
  for (const e of valueMap) {
    const key = foldKey(e.value);
    if (e.action === 'empty') mapped.push({ kind: e.field, key, id: null });
    else if (e.action === 'item') {
      if (active.has(`${e.field}:${e.id}`)) mapped.push({ kind: e.field, key, id: e.id });
    } else {
      const placeholder = PLACEHOLDER_BASE + pending.length;
      pending.push({ placeholder, kind: e.field, key, name: normalizeProse(e.value) });
      mapped.push({ kind: e.field, key, id: placeholder });
    }
  }
  return { data: { ...data, mapped }, pending };
}

/**
 * The main side's check of a value map before any job runs: each value once, items that exist,
 * are active and belong to the column's list, names a new item may take, and lookup.manage for
 * creating. Refusals name the value.
 */
export function assertValueMap(core: Core, actor: Actor, valueMap: ValueMapEntry[]): void {
  const refuse = (messageKey: string, value: string) => InvalidField('valueMap', messageKey, { value });
  if (valueMap.some((e) => e.action === 'create') && !actor.permissions.has('lookup.manage')) throw Forbidden();
  const seen = new Set<string>();
  const item = core.sqlite.prepare('SELECT kind, active FROM lookups WHERE id = ?');
  const named = core.sqlite.prepare('SELECT 1 FROM lookups WHERE kind = ? AND name = ? AND parent_id IS NULL').pluck();
  for (const e of valueMap) {
    const key = `${e.field}\u0000${foldKey(e.value)}`;
    if (!foldKey(e.value)) throw refuse('validation.required', e.value);
    if (seen.has(key)) throw refuse('import.errors.valueMapTwice', e.value);
    seen.add(key);
    if (e.action === 'item') {
      const r = item.get(e.id) as { kind: string; active: number } | undefined;
      if (!r || r.kind !== e.field || !r.active) throw refuse('import.errors.valueMapItem', e.value);
    } else if (e.action === 'create') {
      const name = normalizeProse(e.value);
      if (name.length > MAX_ITEM_NAME) throw refuse('import.errors.valueMapName', e.value);
      if (named.get(e.field, name)) throw refuse('lookups.errors.nameTaken', e.value);
    }
  }
}

interface WriteActor {
  id: number;
  displayName: string;
}

/**
 * Creates the pending items (call INSIDE the import's transaction), each with the operation-log
 * row lookup.create writes. An item of that name created meanwhile is used as it is.
 * Returns placeholder → the item.
 */
export function createPendingItems(sqlite: Sqlite, pending: PendingItem[], at: Date, actor: WriteActor): Map<number, LookupRef> {
  const out = new Map<number, LookupRef>();
  if (!pending.length) return out;
  const stamp = at.toISOString();
  const existing = sqlite.prepare('SELECT id, active FROM lookups WHERE kind = ? AND name = ? AND parent_id IS NULL');
  const maxSort = sqlite.prepare('SELECT COALESCE(MAX(sort), 0) FROM lookups WHERE kind = ?').pluck();
  const insItem = bulkInsert(sqlite, lookups, ['kind', 'name', 'parentId', 'sort', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
  const insLog = bulkInsert(sqlite, operationLog, ['at', 'userId', 'userName', 'entity', 'entityId', 'action', 'changes', 'reason']);
  for (const p of pending) {
    const same = existing.get(p.kind, p.name) as { id: number; active: number } | undefined;
    if (same) {
      if (!same.active) throw FieldRefused('CONFLICT', 'lookups.errors.nameTaken', { valueMap: 'lookups.errors.nameTaken' }, { value: p.name });
      out.set(p.placeholder, { id: same.id, kind: p.kind, name: p.name, parentId: null, active: true });
      continue;
    }
    const sort = (maxSort.get(p.kind) as number) + 1;
    const id = insItem({ kind: p.kind, name: p.name, parentId: null, sort, createdAt: stamp, createdBy: actor.id, updatedAt: stamp, updatedBy: actor.id });
    const after = { kind: p.kind, name: p.name, sort };
    insLog({
      at: stamp,
      userId: actor.id,
      userName: actor.displayName,
      entity: 'lookup',
      entityId: String(id),
      action: 'create',
      changes: JSON.stringify(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, { before: null, after: v }]))),
      reason: null,
    });
    out.set(p.placeholder, { id, kind: p.kind, name: p.name, parentId: null, active: true });
  }
  return out;
}

const ID_COLUMNS = ['categoryId', 'industryId', 'regionId', 'creditRatingId', 'settlementMethodId'] as const;

/** The prepared rows with placeholder ids replaced by the created items' ids. */
export function withCreatedIds(rows: PreparedCustomer[], created: Map<number, LookupRef>): PreparedCustomer[] {
  if (!created.size) return rows;
  return rows.map((r) => {
    if (!ID_COLUMNS.some((c) => isPlaceholder(r.record[c]))) return r;
    const record = { ...r.record };
    for (const c of ID_COLUMNS) {
      const v = record[c];
      if (isPlaceholder(v)) {
        const item = created.get(v);
        if (!item) throw new Error(`no item created for placeholder ${v}`);
        record[c] = item.id;
      }
    }
    return { ...r, record };
  });
}

/**
 * Remembers the value map for the next import (call INSIDE the import's transaction): merged
 * into the settings store, with an operation-log row listing what changed ("制造 → 制造业").
 */
export function rememberValueMap(
  sqlite: Sqlite,
  valueMap: ValueMapEntry[],
  created: Map<number, LookupRef>,
  pending: PendingItem[],
  refs: RefIndex,
  at: Date,
  actor: WriteActor,
): void {
  if (!valueMap.length) return;
  const stored = loadRemembered(sqlite);
  const next: Remembered = structuredClone(stored);
  const changes: Record<string, { before: string[]; after: string[] }> = {};
  const label = (id: number | null) => (id == null ? '—' : (refs.lookupName(id) ?? [...created.values()].find((c) => c.id === id)?.name ?? String(id)));
  for (const e of valueMap) {
    const key = foldKey(e.value);
    const made = () => {
      const p = pending.find((x) => x.kind === e.field && x.key === key);
      return (p && created.get(p.placeholder)?.id) ?? null;
    };
    const target = e.action === 'empty' ? null : e.action === 'item' ? e.id : made();
    if (e.action === 'create' && target == null) continue;
    const list: Record<string, number | null> = next[e.field] ?? {};
    next[e.field] = list;
    const had = Object.hasOwn(list, key) ? list[key] : undefined;
    if (had === target) continue;
    list[key] = target;
    changes[e.field] ??= { before: [], after: [] };
    const ch = changes[e.field];
    if (had !== undefined) ch.before.push(`${e.value} → ${label(had)}`);
    ch.after.push(`${e.value} → ${label(target)}`);
  }
  if (!Object.keys(changes).length) return;
  const stamp = at.toISOString();
  writeSetting(sqlite, REMEMBERED, next, stamp, actor.id);
  bulkInsert(sqlite, operationLog, ['at', 'userId', 'userName', 'entity', 'entityId', 'action', 'changes', 'reason'])({
    at: stamp,
    userId: actor.id,
    userName: actor.displayName,
    entity: 'settings',
    entityId: VALUE_MAP_KEY,
    action: 'update',
    changes: JSON.stringify(
      Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, { before: c.before.length ? c.before : null, after: c.after }])),
    ),
    reason: null,
  });
}
