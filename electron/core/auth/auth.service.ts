import { count, eq } from 'drizzle-orm';
import { roles, users } from '../../../db/schema';
import { type Actor, loadActor, toSessionUser } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Refused } from '../errors';
import type { TransportCtx } from '../handler';
import { insertUser } from '../users/users.service';
import type { SessionUser } from './shared/auth.contract';
import { countWrongPassword, Locked, refuseWhileLocked } from './lockout';
import { dummyHash } from './login-gate';
import { hashPassword, verifyPassword } from './password';

export { changePassword } from './change-password';

export function needsSetup(core: Core): boolean {
  return (core.db.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

export function authStatus(core: Core, actor: Actor | null) {
  return {
    needsSetup: needsSetup(core),
    user: actor ? toSessionUser(actor) : null,
    sessionIdleMinutes: core.settings.getSecurity().sessionIdleMinutes,
  };
}

function startSession(core: Core, transport: TransportCtx, userId: number): SessionUser {
  const actor = loadActor(core, userId);
  if (!actor) throw Refused('ACCOUNT_DISABLED', 'errors.accountDisabled');
  transport.setSessionToken(core.sessions.create(userId, transport.deviceId ?? null));
  return toSessionUser(actor);
}

/** First run: creates the administrator. Refused once any user exists (no default password anywhere). */
export async function setup(
  core: Core,
  transport: TransportCtx,
  input: { username: string; displayName: string; password: string; locale?: 'zh-CN' | 'en' },
): Promise<SessionUser> {
  if (!needsSetup(core)) throw Refused('SETUP_ALREADY_DONE', 'errors.setupAlreadyDone');
  const passwordHash = await hashPassword(input.password);
  const now = core.clock.now();
  const at = now.toISOString();
  const userId = inTransaction(core, () => {
    if (!needsSetup(core)) throw Refused('SETUP_ALREADY_DONE', 'errors.setupAlreadyDone');
    if (!core.db.select({ id: roles.id }).from(roles).where(eq(roles.code, 'admin')).get())
      throw new Error('built-in role admin is missing');
    const u = insertUser(core, null, { ...input, passwordHash, roles: ['admin'], locale: input.locale ?? 'zh-CN' }, at);
    const actor = { id: u.id, displayName: input.displayName };
    writeLog(core.db, now, actor, {
      entity: 'user',
      entityId: u.id,
      action: 'setup',
      changes: {
        username: { before: null, after: input.username },
        displayName: { before: null, after: input.displayName },
        roles: { before: null, after: ['admin'] },
      },
    });
    return u.id;
  });
  return startSession(core, transport, userId);
}

const BadCredentials = () => Refused('BAD_CREDENTIALS', 'errors.badCredentials');

/**
 * Signs in. Wrong passwords are counted; at the configured threshold the account locks for the
 * configured minutes, and while it is locked no password is checked, not even the right one.
 * The counters are committed even though the call is refused. Attempts for one name run one at
 * a time (see login-gate.ts), so however many arrive at once, at most `threshold` wrong
 * passwords are checked per lock period. A name that is no user gets the same answers, the same
 * work (a dummy hash) and the same lock, counted in memory.
 */
export function login(
  core: Core,
  transport: TransportCtx,
  input: { username: string; password: string },
): Promise<SessionUser> {
  return core.login.queue.run(input.username, () => attempt(core, transport, input));
}

async function attempt(
  core: Core,
  transport: TransportCtx,
  input: { username: string; password: string },
): Promise<SessionUser> {
  const unknownNames = core.login.unknownNames;
  const found = core.db.select().from(users).where(eq(users.username, input.username)).get();
  const before = core.clock.now();
  const lockedUntil = found ? found.lockedUntil : unknownNames.lockedUntil(input.username, before.getTime());
  refuseWhileLocked(lockedUntil, before);

  const ok = await verifyPassword(input.password, found?.passwordHash ?? (await dummyHash(core.login)));
  const now = core.clock.now();
  const at = now.toISOString();
  const { lockoutThreshold, lockoutMinutes } = core.settings.getSecurity();
  // the log names the paired device a sign-in came from (office network); null on this PC
  const deviceId = transport.deviceId ?? null;

  const outcome = inTransaction(core, (): 'ok' | 'bad' | 'locked' | 'disabled' => {
    const u = found && core.db.select().from(users).where(eq(users.id, found.id)).get();
    if (!u) {
      writeLog(core.db, now, null, { entity: 'session', entityId: input.username, action: 'loginFailed', deviceId });
      return unknownNames.fail(input.username, now.getTime(), lockoutThreshold, lockoutMinutes) ? 'locked' : 'bad';
    }
    // checked again where the outcome is written: a lock taken meanwhile (another process) holds
    refuseWhileLocked(u.lockedUntil, now);
    if (!ok)
      return countWrongPassword(core, u, now, {
        entity: 'session',
        entityId: u.username,
        action: 'loginFailed',
        deviceId,
      });
    if (u.disabled) return 'disabled';
    const who = { id: u.id, displayName: u.displayName, deviceId };
    core.db
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: at })
      .where(eq(users.id, u.id))
      .run();
    writeLog(core.db, now, who, { entity: 'session', entityId: u.username, action: 'login' });
    return 'ok';
  });

  if (outcome === 'bad') throw BadCredentials();
  if (outcome === 'locked') throw Locked(lockoutMinutes);
  if (outcome === 'disabled') throw Refused('ACCOUNT_DISABLED', 'errors.accountDisabled');
  return startSession(core, transport, (found as { id: number }).id);
}

export function logout(core: Core, transport: TransportCtx, actor: Actor): Record<string, never> {
  inTransaction(core, () =>
    writeLog(core.db, core.clock.now(), actor, { entity: 'session', entityId: actor.username, action: 'logout' }),
  );
  core.sessions.end(transport.sessionToken);
  transport.setSessionToken(null);
  return {};
}

export function setLocale(core: Core, actor: Actor, locale: 'zh-CN' | 'en'): Record<string, never> {
  if (actor.locale === locale) return {};
  const now = core.clock.now();
  inTransaction(core, () => {
    core.db.update(users).set({ locale }).where(eq(users.id, actor.id)).run();
    writeLog(core.db, now, actor, {
      entity: 'user',
      entityId: actor.id,
      action: 'setLocale',
      changes: { locale: { before: actor.locale, after: locale } },
    });
  });
  return {};
}
