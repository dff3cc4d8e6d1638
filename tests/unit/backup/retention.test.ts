import { describe, expect, it } from 'vitest';
import { type RetainedBackup, toPrune } from '../../../electron/core/backup/retention';

// local times, as the rule counts days and months on the office's clock
const at = (y: number, mo: number, d: number, h = 12, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString();
const NOW = new Date(2026, 5, 15, 12, 0); // 15 June 2026, 12:00 local
const RULE = { keepAllHours: 24, keepDailyDays: 30, keepMonthlyMonths: 12 };

const b = (id: number, when: string, check: 'ok' | 'failed' = 'ok'): RetainedBackup => ({ id, at: when, check });

describe('the retention rule', () => {
  const cases: { name: string; backups: RetainedBackup[]; rule?: typeof RULE; pruned: number[] }[] = [
    {
      name: 'keeps every backup of the last 24 hours',
      backups: [b(1, at(2026, 6, 15, 11, 45)), b(2, at(2026, 6, 15, 11, 30)), b(3, at(2026, 6, 14, 13))],
      pruned: [],
    },
    {
      name: 'keeps only the newest of each older day',
      backups: [b(1, at(2026, 6, 10, 18)), b(2, at(2026, 6, 10, 12)), b(3, at(2026, 6, 10, 9)), b(4, at(2026, 6, 9, 9))],
      pruned: [2, 3],
    },
    {
      name: 'keeps one a month beyond the daily window, for 12 months',
      backups: [
        b(1, at(2026, 4, 20)),
        b(2, at(2026, 4, 10)),
        b(3, at(2026, 3, 5)),
        b(4, at(2025, 7, 30)),
        b(5, at(2025, 6, 30)), // the 13th month back: gone
      ],
      pruned: [2, 5],
    },
    {
      name: 'never removes the newest good backup, however old',
      backups: [b(1, at(2024, 1, 1)), b(2, at(2023, 12, 1))],
      pruned: [2],
    },
    {
      name: 'never the newest good even when newer ones failed their check',
      backups: [b(1, at(2026, 6, 1), 'failed'), b(2, at(2025, 1, 1)), b(3, at(2024, 1, 1))],
      pruned: [1, 3],
    },
    {
      name: 'a failed backup counts for no day or month, but stays the 24 hours for inspection',
      backups: [b(1, at(2026, 6, 15, 10), 'failed'), b(2, at(2026, 6, 12, 10), 'failed'), b(3, at(2026, 6, 12, 9))],
      pruned: [2],
    },
    {
      name: 'with no daily or monthly keeping, only the last hours and the newest good remain',
      backups: [b(1, at(2026, 6, 15, 11)), b(2, at(2026, 6, 14, 9)), b(3, at(2026, 6, 1))],
      rule: { keepAllHours: 1, keepDailyDays: 0, keepMonthlyMonths: 0 },
      pruned: [2, 3],
    },
    { name: 'nothing to prune in an empty folder', backups: [], pruned: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(toPrune(c.backups, NOW, c.rule ?? RULE).sort()).toEqual(c.pruned.sort());
    });
  }
});
