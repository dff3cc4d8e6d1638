import type { BackupProgress } from '../../../../electron/core/backup/shared/backup.contract';

/** Where each phase sits on the one bar: copying is most of the work, then the check, then the second copy. */
const SPANS: Record<BackupProgress['phase'], [from: number, to: number]> = {
  copy: [0, 70],
  check: [70, 90],
  second: [90, 100],
  restore: [0, 100],
};

/** The bar's percent for a progress event: phases follow each other, so the bar never moves back. */
export function progressPercent(p: BackupProgress | null): number {
  if (!p) return 0;
  const [from, to] = SPANS[p.phase];
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.floor(from + (to - from) * share);
}
