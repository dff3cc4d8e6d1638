import fs from 'node:fs';
import path from 'node:path';
import { desc, eq, type SQL } from 'drizzle-orm';
import { backups } from '../../../db/schema';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { type BackupManifest, backupsDir, readManifests, removeLeftovers } from './files';
import { runtimeOf } from './runtime';
import type { BackupEntry, BackupTrigger } from './shared/backup.contract';

export type BackupRow = typeof backups.$inferSelect;

export function toEntry(r: BackupRow): BackupEntry {
  return {
    id: r.id,
    at: r.at,
    trigger: r.trigger as BackupTrigger,
    fileName: r.fileName,
    sizeBytes: r.sizeBytes,
    durationMs: r.durationMs,
    schemaVersion: r.schemaVersion ?? '',
    counts: JSON.parse(r.counts) as Record<string, number>,
    check: r.check === 'ok' ? 'ok' : 'failed',
    checkDetail: r.checkDetail,
    present: r.present,
    secondCopy: (['ok', 'failed', 'pending', 'none'] as const).find((s) => s === r.secondCopy) ?? 'none',
    byUserName: r.byUserName,
  };
}

/** When the newest backup matching `where` was taken (UTC ISO), null when none. */
export function newestAt(core: Core, where: SQL): string | null {
  return (
    core.db.select({ at: backups.at }).from(backups).where(where).orderBy(desc(backups.at)).limit(1).get()?.at ?? null
  );
}

export function allRows(core: Core): BackupRow[] {
  return core.db.select().from(backups).orderBy(desc(backups.at), desc(backups.id)).all();
}

export function rowById(core: Core, id: number): BackupRow | undefined {
  return core.db.select().from(backups).where(eq(backups.id, id)).get();
}

/**
 * Records a backup from its manifest: its row and its operation-log row, in one transaction.
 * `actor` is who asked (manual, restore), null for the automatic ones.
 */
export function recordBackup(
  core: Core,
  m: BackupManifest,
  opts: {
    actor: { id: number; displayName: string } | null;
    lastLogId: number | null;
    secondCopy: BackupRow['secondCopy'];
  },
): BackupRow {
  return inTransaction(core, () => {
    const row = core.db
      .insert(backups)
      .values({
        at: m.at,
        trigger: m.trigger,
        fileName: m.fileName,
        sizeBytes: m.sizeBytes,
        durationMs: m.durationMs,
        schemaVersion: m.schemaVersion,
        counts: JSON.stringify(m.counts),
        check: m.check,
        checkDetail: m.checkDetail,
        present: true,
        secondCopy: opts.secondCopy,
        lastLogId: opts.lastLogId,
        byUserId: opts.actor?.id ?? null,
        byUserName: opts.actor?.displayName ?? null,
      })
      .returning()
      .get();
    const after = (v: unknown) => ({ before: null, after: v });
    writeLog(core.db, core.clock.now(), opts.actor, {
      entity: 'backup',
      entityId: row.id,
      action: 'create',
      changes: {
        trigger: after(m.trigger),
        fileName: after(m.fileName),
        sizeBytes: after(m.sizeBytes),
        durationMs: after(m.durationMs),
        schemaVersion: after(m.schemaVersion),
        counts: after(m.counts),
        check: after(m.check),
        checkDetail: after(m.checkDetail),
      },
    });
    return row;
  });
}

/**
 * Brings the table in line with the backups folder: removes what an interrupted backup left,
 * records backups that have a manifest but no row (the pre-migration copy, taken before the
 * table could be written; backups taken after the one a restore brought back), and marks rows
 * whose file is gone. Run once per core before its first backup; the restore calls it after
 * reopening. Returns the number of rows added.
 */
export function syncWithFolder(core: Core): number {
  const dir = backupsDir(core.dataDir);
  removeLeftovers(dir);
  const rows = allRows(core);
  const known = new Set(rows.map((r) => r.fileName));
  let added = 0;
  for (const m of readManifests(dir).reverse()) {
    if (known.has(m.fileName)) continue;
    recordBackup(core, m, { actor: null, lastLogId: null, secondCopy: 'none' });
    added++;
  }
  const gone = rows.filter((r) => r.present && !fs.existsSync(path.join(dir, r.fileName)));
  if (gone.length) {
    inTransaction(core, () => {
      for (const r of gone) core.db.update(backups).set({ present: false }).where(eq(backups.id, r.id)).run();
      writeLog(core.db, core.clock.now(), null, {
        entity: 'backup',
        action: 'missing',
        changes: { fileNames: { before: gone.map((r) => r.fileName), after: null } },
      });
    });
  }
  runtimeOf(core).started = true;
  return added;
}
