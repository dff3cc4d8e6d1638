import type { BackupSettings } from './shared/backup.contract';

export interface RetainedBackup {
  id: number;
  /** UTC ISO */
  at: string;
  check: 'ok' | 'failed';
}

type Rule = Pick<BackupSettings, 'keepAllHours' | 'keepDailyDays' | 'keepMonthlyMonths'>;

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;

/**
 * The backups the retention rule lets go (ids), of those still in the folder. Kept:
 * - every backup of the last `keepAllHours` hours (good or failed: a failed one stays that long
 *   for inspection);
 * - the newest good backup of each of the last `keepDailyDays` local days (today included);
 * - the newest good backup of each of the last `keepMonthlyMonths` local months (this one included);
 * - whatever the rule says, the newest good backup.
 */
export function toPrune(present: readonly RetainedBackup[], now: Date, rule: Rule): number[] {
  const keep = new Set<number>();
  const allSince = now.getTime() - rule.keepAllHours * 3_600_000;
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (rule.keepDailyDays - 1));
  const monthStart = new Date(now.getFullYear(), now.getMonth() - (rule.keepMonthlyMonths - 1), 1);
  const newestFirst = [...present].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  const days = new Set<string>();
  const months = new Set<string>();
  const newestGood = newestFirst.find((b) => b.check === 'ok');
  if (newestGood) keep.add(newestGood.id);
  for (const b of newestFirst) {
    const at = new Date(b.at);
    if (at.getTime() >= allSince) keep.add(b.id);
    if (b.check !== 'ok') continue;
    if (rule.keepDailyDays > 0 && at >= dayStart && !days.has(dayKey(at))) {
      days.add(dayKey(at));
      keep.add(b.id);
    }
    if (rule.keepMonthlyMonths > 0 && at >= monthStart && !months.has(monthKey(at))) {
      months.add(monthKey(at));
      keep.add(b.id);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
