import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { backups } from '../../../db/schema';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { backupsDir, manifestPath } from './files';
import { toPrune } from './retention';
import { getSettings } from './settings';

/**
 * Applies the retention rule (retention.ts): the backups it lets go are deleted from the backups
 * folder and the second location, and their rows marked present = false (the table is a record),
 * with one operation-log row naming them. Returns the file names pruned.
 */
export function prune(core: Core): string[] {
  const settings = getSettings(core);
  const present = core.db.select().from(backups).where(eq(backups.present, true)).all();
  const ids = new Set(
    toPrune(
      present.map((r) => ({ id: r.id, at: r.at, check: r.check === 'ok' ? ('ok' as const) : ('failed' as const) })),
      core.clock.now(),
      settings,
    ),
  );
  const gone = present.filter((r) => ids.has(r.id));
  if (!gone.length) return [];
  const dir = backupsDir(core.dataDir);
  for (const r of gone) {
    for (const base of [dir, settings.secondLocation]) {
      if (!base) continue;
      const file = path.join(base, r.fileName);
      try {
        fs.rmSync(file, { force: true });
        fs.rmSync(manifestPath(file), { force: true });
      } catch {
        // the second location unreachable: its copy stays there (harmless: one backup too many)
      }
    }
  }
  inTransaction(core, () => {
    core.db
      .update(backups)
      .set({ present: false })
      .where(inArray(backups.id, gone.map((r) => r.id)))
      .run();
    writeLog(core.db, core.clock.now(), null, {
      entity: 'backup',
      action: 'prune',
      changes: { fileNames: { before: gone.map((r) => r.fileName), after: null } },
    });
  });
  return gone.map((r) => r.fileName);
}
