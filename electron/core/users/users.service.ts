import { and, eq, inArray, sql } from 'drizzle-orm';
import { rolePermissions, roles, userRoles, users } from '../../../db/schema';
import type { Actor } from '../actor';
import { diffFields, writeLog } from '../audit/audit.log';
import { conflictSince } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Duplicate, NotFound, Refused } from '../errors';
import type { UserRow } from './shared/users.contract';

function rolesOf(core: Core, userId: number): string[] {
  return core.db
    .select({ code: roles.code })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId))
    .all()
    .map((r) => r.code)
    .sort();
}

function toRow(core: Core, u: typeof users.$inferSelect): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: rolesOf(core, u.id),
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && new Date(u.lockedUntil) > core.clock.now() ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    version: u.version,
  };
}

function getUser(core: Core, id: number) {
  const u = core.db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw NotFound();
  return u;
}

function setRoles(core: Core, userId: number, codes: readonly string[]): void {
  const ids = core.db.select({ id: roles.id }).from(roles).where(inArray(roles.code, codes)).all();
  core.db.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  for (const r of ids) core.db.insert(userRoles).values({ userId, roleId: r.id }).run();
}

/** Refuses a change that would leave nobody able to manage users. */
function assertSomeoneManagesUsers(core: Core): void {
  const n = core.db
    .select({ n: sql<number>`count(DISTINCT ${users.id})` })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(and(eq(users.disabled, false), eq(rolePermissions.permission, 'user.manage')))
    .get();
  if (!n?.n) throw Refused('LAST_ADMIN', 'errors.lastAdmin');
}

export function listUsers(core: Core): { items: UserRow[] } {
  return { items: core.db.select().from(users).orderBy(users.id).all().map((u) => toRow(core, u)) };
}

/** A new account: who it is, its password's hash, its roles (by code) and its language. */
interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly string[];
  locale?: 'zh-CN' | 'en';
}

/**
 * Inserts a user and its roles at `at`, inside the caller's transaction; `by` is who creates it
 * (null: the first run's administrator creates itself). The caller writes the operation log.
 */
export function insertUser(core: Core, by: Actor | null, user: NewUser, at: string): typeof users.$inferSelect {
  const u = core.db
    .insert(users)
    .values({
      username: user.username,
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      locale: user.locale,
      createdAt: at,
      createdBy: by?.id,
      updatedAt: at,
      updatedBy: by?.id,
    })
    .returning()
    .get();
  setRoles(core, u.id, user.roles);
  return u;
}

export async function createUser(
  core: Core,
  actor: Actor,
  input: { username: string; displayName: string; password: string; roles: string[] },
): Promise<UserRow> {
  const taken = () => core.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
  if (taken()) throw Duplicate('username', 'errors.usernameTaken');
  const passwordHash = await hashPassword(input.password);
  const now = core.clock.now();
  const at = now.toISOString();
  return inTransaction(core, () => {
    if (taken()) throw Duplicate('username', 'errors.usernameTaken');
    const u = insertUser(core, actor, { ...input, passwordHash }, at);
    const row = toRow(core, u);
    writeLog(core.db, now, actor, {
      entity: 'user',
      entityId: u.id,
      action: 'create',
      changes: diffFields(null, row, ['username', 'displayName', 'roles']),
    });
    return row;
  });
}

/** The logged actions that save a new version of a user. */
const USER_SAVES = ['update', 'disable', 'enable', 'resetPassword', 'changePassword'] as const;

/** Optimistic concurrency: the caller's version must be the stored one. */
function bumpVersion(core: Core, actor: Actor, id: number, version: number, set: Partial<typeof users.$inferInsert>) {
  const res = core.db
    .update(users)
    .set({ ...set, updatedAt: core.clock.now().toISOString(), updatedBy: actor.id, version: version + 1 })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .run();
  if (res.changes === 1) return;
  const stored = core.db.select({ version: users.version }).from(users).where(eq(users.id, id)).get();
  if (!stored) throw NotFound();
  // who saved the versions the caller has not seen, when, and what
  throw conflictSince(core, { entity: 'user', entityId: id, action: USER_SAVES, versions: stored.version - version });
}

export function updateUser(
  core: Core,
  actor: Actor,
  input: { id: number; version: number; displayName: string; roles: string[] },
): UserRow {
  return inTransaction(core, () => {
    const before = toRow(core, getUser(core, input.id));
    bumpVersion(core, actor, input.id, input.version, { displayName: input.displayName });
    setRoles(core, input.id, input.roles);
    assertSomeoneManagesUsers(core);
    const after = toRow(core, getUser(core, input.id));
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'user',
      entityId: input.id,
      action: 'update',
      changes: diffFields(before, after, ['displayName', 'roles']),
    });
    return after;
  });
}

/** Sets a new password chosen by the administrator; also lifts a lockout and ends the user's sessions. */
export async function resetPassword(core: Core, actor: Actor, input: { id: number; password: string }): Promise<UserRow> {
  getUser(core, input.id);
  const passwordHash = await hashPassword(input.password);
  const row = inTransaction(core, () => {
    const u = getUser(core, input.id);
    bumpVersion(core, actor, u.id, u.version, { passwordHash, failedAttempts: 0, lockedUntil: null });
    writeLog(core.db, core.clock.now(), actor, { entity: 'user', entityId: u.id, action: 'resetPassword' });
    return toRow(core, getUser(core, u.id));
  });
  // the user's windows say why they return to sign-in (as for a disabled account)
  core.events.emit({ name: 'session.ended', payload: { reason: 'passwordReset' }, userId: input.id });
  core.sessions.endAllOf(input.id);
  return row;
}

export function setDisabled(core: Core, actor: Actor, input: { id: number; version: number; disabled: boolean }): UserRow {
  if (input.disabled && input.id === actor.id) throw Refused('FORBIDDEN', 'errors.cannotDisableSelf');
  const row = inTransaction(core, () => {
    const before = getUser(core, input.id);
    bumpVersion(core, actor, input.id, input.version, { disabled: input.disabled });
    assertSomeoneManagesUsers(core);
    writeLog(core.db, core.clock.now(), actor, {
      entity: 'user',
      entityId: input.id,
      action: input.disabled ? 'disable' : 'enable',
      changes: { disabled: { before: before.disabled, after: input.disabled } },
    });
    return toRow(core, getUser(core, input.id));
  });
  if (input.disabled) {
    // tell the user's windows first (transports route by live session), then end the sessions
    core.events.emit({ name: 'session.ended', payload: { reason: 'disabled' }, userId: input.id });
    core.sessions.endAllOf(input.id);
  }
  return row;
}

export function listRoles(core: Core) {
  const rs = core.db.select().from(roles).orderBy(roles.id).all();
  const perms = core.db.select().from(rolePermissions).all();
  return {
    items: rs.map((r) => ({
      code: r.code,
      permissions: perms
        .filter((p) => p.roleId === r.id)
        .map((p) => p.permission)
        .sort(),
    })),
  };
}

/** Enabled users as choices for pickers (专管业务员). */
export function userOptions(core: Core) {
  return {
    items: core.db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(eq(users.disabled, false))
      .orderBy(users.displayName)
      .all(),
  };
}
