import type { Sqlite } from '../../../db/open';
import type { LookupKind } from '../lookups/shared/lookups.contract';
import { foldKey } from '../spreadsheet/cells';

/**
 * What a file names and the record keeps as ids: managed-list items (客户分类 …) and users
 * (专管业务员). Plain data, so it can be handed to helper threads.
 */
export interface LookupRef {
  id: number;
  kind: LookupKind;
  name: string;
  parentId: number | null;
  active: boolean;
}
interface UserRef {
  id: number;
  username: string;
  displayName: string;
}
/** A value of the file that names no item, mapped by the user (value-map.ts): an item id, or null (left empty). */
export interface MappedValue {
  kind: LookupKind;
  /** the value folded with foldKey */
  key: string;
  id: number | null;
}
export interface RefData {
  lookups: LookupRef[];
  users: UserRef[];
  /** the import's value map (absent: values must name an item) */
  mapped?: MappedValue[];
}

export function loadRefs(sqlite: Sqlite): RefData {
  const lookups = (
    sqlite.prepare('SELECT id, kind, name, parent_id AS parentId, active FROM lookups ORDER BY kind, sort, id').all() as (Omit<
      LookupRef,
      'active'
    > & { active: number })[]
  ).map((l) => ({ ...l, active: !!l.active }));
  const users = sqlite
    .prepare('SELECT id, username, display_name AS displayName FROM users WHERE disabled = 0 ORDER BY id')
    .all() as UserRef[];
  return { lookups, users };
}

type Resolved = { ok: true; id: number } | { ok: false; messageKey: string };
/** A managed-list value resolves to an id, or to nothing when the user chose to leave it empty. */
type ResolvedLookup = { ok: true; id: number | null } | { ok: false; messageKey: string };

/** Name → id lookups over RefData, built once per job. */
export class RefIndex {
  private byKind = new Map<LookupKind, Map<string, LookupRef[]>>();
  private byId = new Map<number, LookupRef>();
  private usersByName = new Map<string, UserRef[]>();
  private usersById = new Map<number, UserRef>();
  private mapped = new Map<string, number | null>();

  constructor(readonly data: RefData) {
    for (const m of data.mapped ?? []) this.mapped.set(`${m.kind}\u0000${m.key}`, m.id);
    for (const l of data.lookups) {
      this.byId.set(l.id, l);
      let m = this.byKind.get(l.kind);
      if (!m) {
        m = new Map();
        this.byKind.set(l.kind, m);
      }
      push(m, foldKey(l.name), l);
    }
    for (const l of data.lookups) if (l.parentId != null) push(this.byKind.get(l.kind)!, foldKey(this.path(l)), l);
    for (const u of data.users) {
      this.usersById.set(u.id, u);
      push(this.usersByName, foldKey(u.displayName), u);
      if (foldKey(u.username) !== foldKey(u.displayName)) push(this.usersByName, foldKey(u.username), u);
    }
  }

  /** 父类/子类 for an item of a tree (categories), the plain name otherwise. */
  path(l: LookupRef): string {
    const names = [l.name];
    const seen = new Set([l.id]);
    for (let p = l.parentId; p != null && !seen.has(p); ) {
      const parent = this.byId.get(p);
      if (!parent) break;
      names.unshift(parent.name);
      seen.add(p);
      p = parent.parentId;
    }
    return names.join('/');
  }

  /** The name a file shows for an item: its path when the plain name is shared by several. */
  lookupLabel(id: number | null): string {
    if (id == null) return '';
    const l = this.byId.get(id);
    if (!l) return '';
    const same = this.byKind.get(l.kind)?.get(foldKey(l.name)) ?? [];
    return same.length > 1 ? this.path(l) : l.name;
  }

  lookupName(id: number | null): string | null {
    return id == null ? null : (this.byId.get(id)?.name ?? null);
  }

  /** The item a value names (spaces, full-width forms and case do not matter), else what the value map says. */
  lookup(kind: LookupKind, text: string): ResolvedLookup {
    const r = this.lookupExact(kind, text);
    if (r.ok) return r;
    const m = this.mapped.get(`${kind}\u0000${foldKey(text)}`);
    return m === undefined ? r : { ok: true, id: m };
  }

  /** The one active item a value names, without the value map. */
  lookupExact(kind: LookupKind, text: string): Resolved {
    const key = foldKey(text).replace(/[>＞\\]/g, '/');
    const hits = this.byKind.get(kind)?.get(key) ?? [];
    const active = hits.filter((h) => h.active);
    if (active.length === 1) return { ok: true, id: active[0].id };
    if (active.length > 1) return { ok: false, messageKey: 'import.errors.ambiguous' };
    return { ok: false, messageKey: hits.length ? 'import.errors.inactiveLookup' : 'import.errors.unknownLookup' };
  }

  user(text: string): Resolved {
    const hits = this.usersByName.get(foldKey(text)) ?? [];
    if (hits.length === 1) return { ok: true, id: hits[0].id };
    return { ok: false, messageKey: hits.length ? 'import.errors.ambiguous' : 'import.errors.unknownUser' };
  }

  userName(id: number | null): string | null {
    return id == null ? null : (this.usersById.get(id)?.displayName ?? null);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
