import { Cron } from 'croner';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { backups, operationLog } from '../../../db/schema';
import type { Core } from '../core';
import type { Timer } from '../feature';
import { prune } from './prune';
import { newestAt, syncWithFolder } from './records';
import { runtimeOf } from './runtime';
import { retrySecond } from './second';
import { getSettings } from './settings';
import type { BackupSettings, BackupTrigger } from './shared/backup.contract';
import { takeBackup } from './take';

/**
 * The oldest change the newest backup does not hold (UTC ISO), null when it holds them all: the
 * operation log has a row newer than the newest one that backup holds (every mutation writes
 * one), other than the backups' own rows. A backup whose marker is unknown (recorded from a
 * manifest) counts as behind.
 */
export function oldestChangeNotBackedUp(core: Core): string | null {
  const newest = core.db
    .select({ lastLogId: backups.lastLogId })
    .from(backups)
    .orderBy(desc(backups.at), desc(backups.id))
    .limit(1)
    .get();
  const since = newest?.lastLogId ?? 0;
  const row = core.db
    .select({ at: operationLog.at })
    .from(operationLog)
    .where(and(gt(operationLog.id, since), ne(operationLog.entity, 'backup')))
    .orderBy(operationLog.id)
    .limit(1)
    .get();
  return row?.at ?? null;
}

export const changedSinceLastBackup = (core: Core): boolean => oldestChangeNotBackedUp(core) !== null;

/**
 * The backup due now, if any. Only when data changed since the newest backup (else that backup
 * already holds it): the daily one at its local time (caught up when the app was closed then),
 * else the interval one once the oldest change not backed up is `intervalMinutes` old.
 */
export function dueTrigger(core: Core, settings: BackupSettings, now: Date): BackupTrigger | null {
  const oldest = oldestChangeNotBackedUp(core);
  if (!oldest) return null;
  if (settings.dailyAt) {
    const lastDailyAt = newestAt(core, eq(backups.trigger, 'daily'));
    const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
    const since = lastDailyAt && new Date(lastDailyAt) > dayAgo ? new Date(lastDailyAt) : dayAgo;
    const [h, m] = settings.dailyAt.split(':').map(Number);
    const next = new Cron(`${m} ${h} * * *`).nextRun(since); // local time, as the office reads its clock
    if (next && next <= now) return 'daily';
  }
  return now.getTime() - new Date(oldest).getTime() >= settings.intervalMinutes * 60_000 ? 'interval' : null;
}

/**
 * One tick of the backup timer (each minute, feature.ts/background.ts): a due backup is started
 * and not awaited (the other timers go on; the next tick sees it running and waits its turn);
 * else what is owed to the second location is retried, and the retention rule applied.
 */
export async function scheduledTick(core: Core): Promise<void> {
  if (core.fault || core.sqlite.memory || !core.sqlite.open) return;
  const rt = runtimeOf(core);
  if (!rt.started) syncWithFolder(core);
  if (rt.current) return;
  const due = dueTrigger(core, getSettings(core), core.clock.now());
  if (due) {
    takeBackup(core, due, null)
      .then(() => retrySecond(core)) // older copies still owed go after the new one
      .catch((err) => console.error(`[backup] the ${due} backup failed:`, err));
    return;
  }
  await retrySecond(core);
  prune(core);
}

export const backupTimer: Timer = { name: 'backup.schedule', run: scheduledTick };

/** How long the exit waits for its backup at most; past it the app closes, the copy's leftover is removed at the next start. */
export const EXIT_WAIT_MS = 120_000;

/**
 * The backup on exit (web.ts and main.ts call it before closeCore): only when data changed since
 * the newest backup, without the second-location copy (the next start's tick does it), and
 * bounded in time. A backup already running is waited for instead. Never throws.
 */
export async function backupOnExit(core: Core, opts: { maxWaitMs?: number } = {}): Promise<void> {
  if (core.fault || core.sqlite.memory || !core.sqlite.open) return;
  const rt = runtimeOf(core);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, opts.maxWaitMs ?? EXIT_WAIT_MS);
    timer.unref();
  });
  try {
    const work = (async () => {
      if (rt.current) await rt.current.catch(() => undefined);
      if (!rt.started) syncWithFolder(core);
      if (!changedSinceLastBackup(core)) return;
      await takeBackup(core, 'exit', null, { second: false });
    })();
    await Promise.race([work.catch((err) => console.error('[backup] the exit backup failed:', err)), deadline]);
  } catch (err) {
    console.error('[backup] the exit backup failed:', err);
  } finally {
    clearTimeout(timer);
  }
}
