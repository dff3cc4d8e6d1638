import { and, eq } from 'drizzle-orm';
import { rolePermissions, roles, userRoles, users } from '../../db/schema';
import type { SessionUser } from './auth/shared/auth.contract';
import type { Core } from './core';
import { Unauthenticated } from './errors';

/** The signed-in user a call runs as, with the permissions of all their roles. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  roles: string[];
  permissions: Set<string>;
}

/** Loads an enabled user with roles and permissions; null if absent or disabled. */
export function loadActor(core: Core, userId: number): Actor | null {
  const u = core.db.select().from(users).where(and(eq(users.id, userId), eq(users.disabled, false))).get();
  if (!u) return null;
  const rows = core.db
    .select({ code: roles.code, permission: rolePermissions.permission })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(eq(userRoles.userId, userId))
    .all();
  const roleSet = new Set(rows.map((r) => r.code));
  const permissions = new Set(rows.flatMap((r) => (r.permission ? [r.permission] : [])));
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    roles: [...roleSet].sort(),
    permissions,
  };
}

export function toSessionUser(a: Actor): SessionUser {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    locale: a.locale,
    roles: a.roles,
    permissions: [...a.permissions].sort(),
  };
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw Unauthenticated();
  return actor;
}
