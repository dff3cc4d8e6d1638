import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { Refused } from '../errors';

type UserRow = typeof users.$inferSelect;

function minutesLeft(lockedUntil: string | number, now: Date): number {
  return Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 60_000));
}

export const Locked = (minutes: number) => Refused('ACCOUNT_LOCKED', 'errors.accountLocked', { minutes });

/** Refuses with ACCOUNT_LOCKED while `lockedUntil` is later than `now`. */
export function refuseWhileLocked(lockedUntil: string | number | null | undefined, now: Date): void {
  if (lockedUntil && new Date(lockedUntil) > now) throw Locked(minutesLeft(lockedUntil, now));
}

/**
 * Counts one wrong password of a user, wherever it was typed (sign-in, change password): the
 * same counter, threshold and lock minutes. At the threshold the account locks and the lock is
 * logged; below it the failure is logged as `failure`. Call inside the transaction that reads
 * `u`, with the lock already checked.
 */
export function countWrongPassword(
  core: Core,
  u: UserRow,
  now: Date,
  failure: { entity: string; entityId: string | number; action: string; deviceId?: number | null },
): 'locked' | 'bad' {
  const { lockoutThreshold, lockoutMinutes } = core.settings.getSecurity();
  // the rows name the device the attempt came from (office network), if not this PC
  const who = { id: u.id, displayName: u.displayName, deviceId: failure.deviceId ?? null };
  const failed = u.failedAttempts + 1;
  if (failed >= lockoutThreshold) {
    const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
    core.db.update(users).set({ failedAttempts: 0, lockedUntil }).where(eq(users.id, u.id)).run();
    writeLog(core.db, now, who, {
      entity: 'user',
      entityId: u.id,
      action: 'lock',
      changes: { lockedUntil: { before: u.lockedUntil, after: lockedUntil } },
    });
    return 'locked';
  }
  core.db.update(users).set({ failedAttempts: failed }).where(eq(users.id, u.id)).run();
  writeLog(core.db, now, who, failure);
  return 'bad';
}
