import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { backups } from '../../../db/schema';
import { writeLog } from '../audit/audit.log';
import type { Core } from '../core';
import { inTransaction } from '../transaction';
import { checkInWorker } from './check';
import { fsyncDir, fsyncFile } from './copy';
import { backupsDir, manifestPath, TEMP_SUFFIX } from './files';
import type { ProgressSink } from './progress';
import type { BackupRow } from './records';
import { getSettings } from './settings';
import { migrationsOf, runtimeOf } from './runtime';

type SecondState = BackupRow['secondCopy'];

function setSecondCopy(core: Core, row: BackupRow, state: SecondState): void {
  if (row.secondCopy === state) return;
  inTransaction(core, () => {
    core.db.update(backups).set({ secondCopy: state }).where(eq(backups.id, row.id)).run();
    writeLog(core.db, core.clock.now(), null, {
      entity: 'backup',
      entityId: row.id,
      action: 'secondCopy',
      changes: { secondCopy: { before: row.secondCopy, after: state } },
    });
  });
}

/** Throws the OS's error unless `dir` is a folder this process can write (a USB disk unplugged, a share down). */
function assertReachable(dir: string): void {
  const st = fs.statSync(dir);
  if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, '${dir}'`), { code: 'ENOTDIR' });
  fs.accessSync(dir, fs.constants.W_OK);
}

/**
 * Copies a good backup to the second location as the first one was made: temporary name, synced,
 * checked, renamed, manifest beside it. Unreachable → the row stays 'pending' (retried on every
 * tick) and the status says so with the OS's words; a copy whose check fails is removed and the
 * row marked 'failed'. Never throws: the backup itself is made.
 */
export async function copyToSecond(core: Core, row: BackupRow, dir: string, progress?: ProgressSink): Promise<SecondState> {
  const rt = runtimeOf(core);
  const at = () => core.clock.now().toISOString();
  const temp = path.join(dir, `${row.fileName}${TEMP_SUFFIX}`);
  let state: SecondState;
  try {
    assertReachable(dir);
    progress?.({ phase: 'second', done: 0, total: 1 });
    const source = path.join(backupsDir(core.dataDir), row.fileName);
    await fs.promises.copyFile(source, temp); // on libuv's pool, not the main thread
    fsyncFile(temp);
    const check = await checkInWorker(temp, migrationsOf(core));
    if (check.ok) {
      fs.renameSync(temp, path.join(dir, row.fileName));
      fsyncDir(dir);
      fs.copyFileSync(manifestPath(path.join(backupsDir(core.dataDir), row.fileName)), manifestPath(path.join(dir, row.fileName)));
      state = 'ok';
    } else {
      fs.rmSync(temp, { force: true });
      state = 'failed';
    }
    rt.second = { path: dir, reachable: true, error: null, lastCheckedAt: at() };
    progress?.({ phase: 'second', done: 1, total: 1 });
  } catch (err) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // still unreachable: the leftover is removed by a later copy's rename or by hand
    }
    rt.second = { path: dir, reachable: false, error: err instanceof Error ? err.message : String(err), lastCheckedAt: at() };
    state = 'pending';
  }
  setSecondCopy(core, row, state);
  return state;
}

/**
 * On every tick: copies what is still owed to the second location (backups left 'pending', and
 * the newest good backup when it has no copy there yet: a location just set), newest first,
 * stopping at the first that cannot reach it. With nothing owed, just checks the folder is there.
 */
export async function retrySecond(core: Core): Promise<void> {
  const { secondLocation: dir } = getSettings(core);
  const rt = runtimeOf(core);
  if (!dir) {
    rt.second = null;
    return;
  }
  const good = and(eq(backups.present, true), eq(backups.check, 'ok'));
  const owed = core.db
    .select()
    .from(backups)
    .where(and(good, inArray(backups.secondCopy, ['pending'])))
    .orderBy(desc(backups.at))
    .all();
  const newest = core.db.select().from(backups).where(good).orderBy(desc(backups.at), desc(backups.id)).limit(1).get();
  // a location just set (or changed) gets the newest good backup at once
  const missing = newest && newest.secondCopy !== 'failed' && !fs.existsSync(path.join(dir, newest.fileName));
  if (newest && missing && !owed.some((r) => r.id === newest.id)) owed.unshift(newest);
  for (const row of owed) {
    if ((await copyToSecond(core, row, dir)) === 'pending') return;
  }
  if (owed.length) return;
  try {
    assertReachable(dir);
    rt.second = { path: dir, reachable: true, error: null, lastCheckedAt: core.clock.now().toISOString() };
  } catch (err) {
    rt.second = {
      path: dir,
      reachable: false,
      error: err instanceof Error ? err.message : String(err),
      lastCheckedAt: core.clock.now().toISOString(),
    };
  }
}
