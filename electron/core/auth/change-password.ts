import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { type Actor, requireActor } from '../actor';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { Invalid, Unauthenticated } from '../errors';
import { countWrongPassword, Locked, refuseWhileLocked } from './lockout';
import { hashPassword, verifyPassword } from './password';

const userRow = (core: Core, id: number) => core.db.select().from(users).where(eq(users.id, id)).get();

/**
 * The signed-in user changes their own password. The current password is a password check like
 * a sign-in: it runs in the same per-name queue (login-gate.ts), a wrong one counts toward the
 * same lockout, and while the account is locked none is checked, not even the right one. When
 * wrong current passwords lock the account, every session of the user ends (whoever sits at an
 * unattended session cannot go on guessing) and the window returns to sign-in.
 */
export async function changePassword(
  core: Core,
  actorIn: Actor | null,
  input: { currentPassword: string; newPassword: string },
): Promise<Record<string, never>> {
  const actor = requireActor(actorIn);
  const found = userRow(core, actor.id);
  if (!found) throw Unauthenticated();
  return core.login.queue.run(found.username, () => attempt(core, actor, input));
}

async function attempt(
  core: Core,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<Record<string, never>> {
  const before = userRow(core, actor.id);
  if (!before) throw Unauthenticated();
  refuseWhileLocked(before.lockedUntil, core.clock.now());

  const ok = await verifyPassword(input.currentPassword, before.passwordHash);
  const passwordHash = ok ? await hashPassword(input.newPassword) : null;
  const now = core.clock.now();

  const outcome = inTransaction(core, (): 'ok' | 'bad' | 'locked' => {
    const u = userRow(core, actor.id);
    if (!u) throw Unauthenticated();
    refuseWhileLocked(u.lockedUntil, now);
    if (!passwordHash) {
      return countWrongPassword(core, u, now, {
        entity: 'user',
        entityId: u.id,
        action: 'changePasswordFailed',
        deviceId: actor.deviceId,
      });
    }
    core.db
      .update(users)
      .set({ passwordHash, failedAttempts: 0, updatedAt: now.toISOString(), updatedBy: u.id, version: u.version + 1 })
      .where(eq(users.id, u.id))
      .run();
    writeLog(core.db, now, actor, { entity: 'user', entityId: u.id, action: 'changePassword' });
    return 'ok';
  });

  if (outcome === 'locked') {
    // as when the user is disabled: tell the user's windows first (transports route by live
    // session), then end the sessions
    core.events.emit({ name: 'session.ended', payload: { reason: 'locked' }, userId: actor.id });
    core.sessions.endAllOf(actor.id);
    throw Locked(core.settings.getSecurity().lockoutMinutes);
  }
  if (outcome === 'bad') throw Invalid({ currentPassword: 'errors.wrongPassword' });
  return {};
}
