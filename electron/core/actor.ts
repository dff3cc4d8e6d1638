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
  /** the paired device (office network) the call came from; null on this PC */
  deviceId: number | null;
  /** the key the page sent with this call (X-Request-Key), kept with the log rows it writes */
  requestKey?: string | null;
}

const USER_SQL = 'SELECT id, username, display_name AS displayName, locale FROM users WHERE id = ? AND disabled = 0';
const GRANTS_SQL =
  'SELECT r.code AS code, rp.permission AS permission FROM user_roles ur JOIN roles r ON r.id = ur.role_id ' +
  'LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE ur.user_id = ?';

/**
 * Loads an enabled user with roles and permissions; null if absent or disabled. Read afresh on
 * every call (a changed role or a disabled user counts at the next call), so it runs on the main
 * thread for every request: two statements prepared once on the core (core.statements), not a
 * query built and prepared each time (that was a third of the main thread's work per request).
 */
export function loadActor(core: Core, userId: number): Actor | null {
  const u = core.statements.prepare(USER_SQL).get(userId) as Pick<Actor, 'id' | 'username' | 'displayName'> & { locale: string } | undefined;
  if (!u) return null;
  const rows = core.statements.prepare(GRANTS_SQL).all(userId) as { code: string; permission: string | null }[];
  const roleSet = new Set<string>();
  const permissions = new Set<string>();
  for (const r of rows) {
    roleSet.add(r.code);
    if (r.permission) permissions.add(r.permission);
  }
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale === 'en' ? 'en' : 'zh-CN',
    roles: [...roleSet].sort(),
    permissions,
    deviceId: null,
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
