import i18n from 'i18next';
import { translateOr } from '../../shared/translate';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1536 → "1.5 KB": sizes in binary units, one decimal from KB on. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${UNITS[0]}` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** 850 → "0.9 s"/"0.9 秒", 75_000 → "1 min 15 s": how long a backup took. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return i18n.t('common.duration.seconds', { n: seconds < 10 ? seconds.toFixed(1) : Math.round(seconds) });
  const whole = Math.round(seconds);
  return i18n.t('common.duration.minutes', { m: Math.floor(whole / 60), s: whole % 60 });
}

/**
 * How long ago, in words ("3 小时前", "2 days ago"), from an age in hours. The texts are the base
 * locale's (common.ago.*): the fault page shows them before anyone signs in.
 */
export function ageText(hours: number): string {
  const minutes = Math.floor(hours * 60);
  if (minutes < 1) return i18n.t('common.ago.justNow');
  if (minutes < 60) return i18n.t('common.ago.minutes', { count: minutes });
  if (hours < 48) return i18n.t('common.ago.hours', { count: Math.floor(hours) });
  return i18n.t('common.ago.days', { count: Math.floor(hours / 24) });
}

/** The age of a UTC ISO instant, in hours, at `now` (ms). */
export function hoursSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 3_600_000);
}

/**
 * Stale as the status bar shows it: the core's word, or the last good backup grew older than
 * warnAfterDays since the core was asked (the bar re-reads the clock each minute without calling).
 */
export function isStale(status: { lastGoodAt: string | null; stale: boolean; warnAfterDays: number }, now: number): boolean {
  if (status.stale || !status.lastGoodAt) return true;
  return hoursSince(status.lastGoodAt, now) > status.warnAfterDays * 24;
}

/** Rows of a database's main tables in words: "客户 1,203 条、用户 3 条". */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, count]) =>
      i18n.t('backup.table.count', { name: translateOr('backup.table', table), n: count.toLocaleString() }),
    )
    .join(i18n.t('common.listSeparator'));
}
