import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { quickCheckInWorker } from '../../../db/quick-check';
import { type Core, DB_FILE_NAME, openCoreOrFault } from '../../../electron/core/core';
import { MIGRATIONS, tempDir } from '../support/test-core';
import { damageTablePage, migratedDataDir, sha } from './fault-support';

// A file over the size limit of the full check at open (here the limit is 0: every file is "over"
// it) still gets the full check when opening it read-write would write into it: a write-ahead
// log left by a crash (the first checkpoint merges it into the file) or a pending migration
// (backup, then migration). The check reads every page, so it runs in a worker thread.
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) if (c.sqlite.open) c.sqlite.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function openOverLimit(dir: string): Promise<Core> {
  const core = await openCoreOrFault({ dataDir: dir, migrationsFolder: MIGRATIONS, dbOptions: { integrityCheckMaxBytes: 0 } });
  cores.push(core);
  return core;
}

/** A migrated data folder whose last run crashed: committed rows are in the -wal file only. */
function leaveLog(dir: string): string {
  const file = path.join(dir, DB_FILE_NAME);
  const live = new Database(file);
  live.pragma('wal_autocheckpoint = 0');
  live.exec('CREATE TABLE wal_only (x); INSERT INTO wal_only VALUES (1)');
  // a crash: the log is copied away before the close removes it, and put back after
  const saved = fs.readFileSync(`${file}-wal`);
  live.close();
  fs.writeFileSync(`${file}-wal`, saved);
  return `${file}-wal`;
}

describe('a file over the size limit of the check at open', () => {
  it('with a log left by a crash is checked in full: damage is found before the log is merged into it', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    const wal = leaveLog(dir);
    damageTablePage(file, 'users');
    const before = { db: sha(file), wal: sha(wal) };

    const core = await openOverLimit(dir);

    expect(core.fault).toMatchObject({ kind: 'corrupt', file, detail: expect.stringMatching(/SQLITE_CORRUPT/) });
    expect({ db: sha(file), wal: sha(wal) }).toEqual(before);
  });

  it('with a migration pending is checked in full: a damaged file is neither backed up nor migrated', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    const db = new Database(file);
    db.exec('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
    db.close();
    damageTablePage(file, 'users');
    const before = sha(file);

    const core = await openOverLimit(dir);

    expect(core.fault).toMatchObject({ kind: 'corrupt', file });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('clean and current, gets the cheap check only (damage is then found by the first call that reads it)', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    damageTablePage(file, 'users');
    const core = await openOverLimit(dir);
    expect(core.fault).toBeNull();
  });

  it('with a crash log but intact opens as usual, the log merged', async () => {
    const { dir } = await migratedDataDir(dirs);
    leaveLog(dir);
    const core = await openOverLimit(dir);
    expect(core.fault).toBeNull();
    expect(core.sqlite.prepare('SELECT x FROM wal_only').pluck().get()).toBe(1);
  });
});

describe('the full check', () => {
  it('runs in a worker thread, and reports what it found wrong', async () => {
    const { file } = await migratedDataDir(dirs);
    expect(await quickCheckInWorker(file)).toEqual({ problems: [], threadId: expect.any(Number) });
    expect((await quickCheckInWorker(file)).threadId).not.toBe(0); // 0 is the main thread

    damageTablePage(file, 'users');
    const r = await quickCheckInWorker(file).catch((e: unknown) => e);
    // SQLite either lists the damage or refuses to read on (SQLITE_CORRUPT): never a clean result
    expect(r).toSatisfy((x: unknown) =>
      (x as { code?: string }).code?.startsWith('SQLITE_CORRUPT') || ((x as { problems?: string[] }).problems ?? []).length > 0,
    );
  });

  it('answers SQLite\'s own code when the file is no database', async () => {
    const dir = tempDir('kehu-fault-');
    dirs.push(dir);
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    await expect(quickCheckInWorker(file)).rejects.toMatchObject({ code: 'SQLITE_NOTADB' });
  });
});
