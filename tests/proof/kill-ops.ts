import type Database from 'better-sqlite3';
import type { KindReader, Planned, State, World } from './kill-world';

/**
 * The kill test's writes: one line per kind of write in OPS, each sent through the contract over
 * HTTP. A later feature adds its writes here (a line in OPS, and a reader in KINDS when it writes
 * an entity of a new kind). A write with no targets is checked only by what every cycle checks
 * (the file intact, every other acknowledged write present), which is what a kill during a
 * backup must show (`backup.run` below). A restore rolls every entity back to the backup's moment:
 * its op would need the World to keep the acknowledged states as of each backup; a kill during a
 * restore is proven by tests/unit/backup/restore-kill.test.ts instead.
 *
 * Each entity is read back with what must change together with it: a customer with its contacts,
 * its state-change rows and its operation-log rows, so that a save whose contacts or log row
 * were lost, or a state change without its history row, is a state that is neither the one
 * before nor the one after the write.
 */
const logRows = (db: Database.Database, entity: string, id: number | string) =>
  (db.prepare('SELECT count(*) FROM operation_log WHERE entity = ? AND entity_id = ?').pluck().get(entity, String(id)) as number);

export const KINDS: Record<string, KindReader> = {
  customer(db, code) {
    const c = db.prepare('SELECT id, name, memo, status, version FROM customers WHERE code = ?').get(code) as
      | { id: number; name: string; memo: string | null; status: string; version: number }
      | undefined;
    if (!c) return null;
    const contacts = db
      .prepare('SELECT name, mobile, is_primary AS isPrimary FROM customer_contacts WHERE customer_id = ? ORDER BY sort, id')
      .all(c.id) as { name: string; mobile: string; isPrimary: number }[];
    return {
      id: c.id,
      name: c.name,
      memo: c.memo,
      status: c.status,
      version: c.version,
      contacts: contacts.map((x) => ({ name: x.name, mobile: x.mobile, isPrimary: !!x.isPrimary })),
      statusChanges: db.prepare('SELECT count(*) FROM customer_status_changes WHERE customer_id = ?').pluck().get(c.id),
      logRows: logRows(db, 'customer', c.id),
    };
  },
  lookup(db, key) {
    const [kind, name] = key.split('/');
    const l = db.prepare('SELECT id, name, active FROM lookups WHERE kind = ? AND name = ?').get(kind, name) as
      | { id: number; name: string; active: number }
      | undefined;
    return l ? { id: l.id, name: l.name, active: !!l.active, logRows: logRows(db, 'lookup', l.id) } : null;
  },
  user(db, username) {
    const u = db.prepare('SELECT id, display_name AS displayName, disabled FROM users WHERE username = ?').get(username) as
      | { id: number; displayName: string; disabled: number }
      | undefined;
    if (!u) return null;
    const roles = db
      .prepare('SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.code')
      .pluck()
      .all(u.id);
    return { id: u.id, displayName: u.displayName, disabled: !!u.disabled, roles, logRows: logRows(db, 'user', u.id) };
  },
  setting(db, key) {
    const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    return { value: value === undefined ? null : JSON.parse(value), logRows: logRows(db, 'settings', key) };
  },
};

interface Op {
  channel: string;
  /** how often, relative to the others */
  weight: number;
  /** the write and what it must leave, or null when nothing it could write is free now */
  plan(w: World): Planned | null;
}

type S = Record<string, unknown>;
/** The state after one more write: the changed fields and one more operation-log row. */
const bump = (s: S, more: S): State => ({ ...s, logRows: (s.logRows as number) + 1, ...more });

function contacts(w: World) {
  return Array.from({ length: w.int(1, 3) }, (_, i) => ({
    name: w.unique('联系人'),
    mobile: `139${String(w.int(0, 99_999_999)).padStart(8, '0')}`,
    isPrimary: i === 0,
  }));
}

/** 冻结 / 解冻 / 停用 / 启用 of one to three customers at once (all or none). */
function statusChange(action: 'freeze' | 'unfreeze' | 'deactivate' | 'reactivate'): Op {
  const from = { freeze: ['active'], unfreeze: ['frozen'], deactivate: ['active', 'frozen'], reactivate: ['deactivated'] }[action];
  const to = { freeze: 'frozen', unfreeze: 'active', deactivate: 'deactivated', reactivate: 'active' }[action];
  return {
    channel: `customer.${action}`,
    weight: 1,
    plan(w) {
      const picked = w.free('customer', w.int(1, 3), (s) => from.includes(s.status as string));
      if (!picked.length) return null;
      const memo = `kill test ${action}`;
      const reason = action === 'freeze' || action === 'deactivate' ? { reasonId: w.refs.deactivationReason } : {};
      return {
        channel: `customer.${action}`,
        input: { ids: picked.map((p) => p.id), memo, ...reason },
        targets: picked.map((p) => ({
          kind: 'customer',
          key: p.key,
          expect: bump(p.state, { status: to, statusChanges: (p.state.statusChanges as number) + 1 }),
        })),
      };
    },
  };
}

export const OPS: Op[] = [
  {
    channel: 'customer.create',
    weight: 4,
    plan(w) {
      const code = w.unique('K');
      const input = { code, name: `客户${code}`, memo: `备注 ${w.int(0, 1e6)}`, contacts: contacts(w), duplicateReason: 'kill test' };
      const expect = { name: input.name, memo: input.memo, status: 'active', version: 1, contacts: input.contacts, statusChanges: 0, logRows: 1 };
      return { channel: 'customer.create', input, targets: [{ kind: 'customer', key: code, expect }] };
    },
  },
  {
    channel: 'customer.update',
    weight: 3,
    plan(w) {
      const [p] = w.free('customer', 1);
      if (!p) return null;
      const name = `客户${p.key}改${w.int(0, 999)}`;
      const memo = `改过 ${w.int(0, 1e6)}`;
      const cs = contacts(w);
      const version = p.state.version as number;
      return {
        channel: 'customer.update',
        input: { id: p.id, version, name, memo, contacts: cs, duplicateReason: 'kill test' },
        targets: [{ kind: 'customer', key: p.key, expect: bump(p.state, { name, memo, contacts: cs, version: version + 1 }) }],
      };
    },
  },
  statusChange('freeze'),
  statusChange('unfreeze'),
  statusChange('deactivate'),
  statusChange('reactivate'),
  {
    channel: 'lookup.create',
    weight: 1,
    plan(w) {
      const kind = w.pickOf(['category', 'industry', 'region'] as const);
      const name = w.unique('类别');
      return {
        channel: 'lookup.create',
        input: { kind, name },
        targets: [{ kind: 'lookup', key: `${kind}/${name}`, expect: { name, active: true, logRows: 1 } }],
      };
    },
  },
  {
    channel: 'settings.updateSecurity',
    weight: 1,
    plan(w) {
      const [p] = w.free('setting', 1);
      if (!p) return null;
      // long idle minutes: the test's own sessions must not expire
      const value = { lockoutThreshold: w.int(3, 20), lockoutMinutes: w.int(5, 120), sessionIdleMinutes: w.int(60, 1440) };
      return { channel: 'settings.updateSecurity', input: value, targets: [{ kind: 'setting', key: p.key, expect: bump(p.state, { value }) }] };
    },
  },
  {
    channel: 'user.create',
    weight: 0.5,
    plan(w) {
      const username = w.unique('u').toLowerCase();
      const input = { username, displayName: `用户${username}`, password: 'kill-test-pass-1', roles: ['clerk'] };
      return {
        channel: 'user.create',
        input,
        targets: [{ kind: 'user', key: username, expect: { displayName: input.displayName, disabled: false, roles: ['clerk'], logRows: 1 } }],
      };
    },
  },
  // 立即备份: a kill during a backup must leave the data intact and every acknowledged write present
  { channel: 'backup.run', weight: 0.2, plan: () => ({ channel: 'backup.run', input: {}, targets: [] }) },
];
