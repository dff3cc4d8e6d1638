import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertFolderWritable } from '../../../db/open';
import { type Core, DB_FILE_NAME, openCoreOrFault } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/dispatch';
import { MIGRATIONS, TestClient, tempDir } from '../support/test-core';
import { damageHeader, damageTablePage, migratedDataDir, sha } from './fault-support';

// Data that cannot be used is found when the core opens: the core then answers `system.fault`
// (what, where) and refuses every other call with the fault's own code, instead of the host
// exiting ("database disk image is malformed") or signing in failing with INTERNAL later.
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.sqlite.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function open(dataDir: string, dbOptions?: Parameters<typeof openCoreOrFault>[0]['dbOptions']): Promise<Core> {
  const core = await openCoreOrFault({ dataDir, migrationsFolder: MIGRATIONS, dbOptions });
  cores.push(core);
  return core;
}

/** What the renderer asks first, and what any other call gets meanwhile. */
async function answers(core: Core) {
  const client = new TestClient(core);
  return { fault: await client.call('system.fault', {}), status: await client.call('auth.status', {}) };
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('a damaged database file', () => {
  it('with garbage over its header is reported as damaged, where it is, and left byte for byte as it was', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    damageHeader(file);
    const before = sha(file);
    const filesBefore = listing(dir);

    const core = await open(dir);

    const { fault, status } = await answers(core);
    expect(fault).toEqual({
      ok: true,
      data: { kind: 'corrupt', dataDir: dir, file, detail: expect.stringContaining('SQLITE_NOTADB'), restore: null },
    });
    expect(status).toEqual({ ok: false, error: { code: 'DB_CORRUPT', messageKey: 'errors.dbCorrupt', params: { folder: dir, file } } });
    expect(sha(file)).toBe(before);
    expect(listing(dir)).toEqual(filesBefore); // no backup taken, nothing created beside it
  });

  it('with a damaged page inside is found by the integrity check at open, before anything writes to it', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    damageTablePage(file, 'users');
    const before = sha(file);

    const core = await open(dir);

    expect(core.fault).toMatchObject({ kind: 'corrupt', file, detail: expect.stringMatching(/SQLITE_CORRUPT/) });
    expect((await answers(core)).status).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('is not written into from its write-ahead log: the damaged file and the log stay as they were', async () => {
    // a crash left committed rows in the -wal file only; opening read-write would checkpoint them into the damaged file
    const source = tempDir('kehu-fault-');
    dirs.push(source);
    const live = (await open(source)).sqlite;
    live.pragma('wal_checkpoint(TRUNCATE)'); // the tables are in the main file, the next commit only in the log
    live.pragma('wal_autocheckpoint = 0');
    live.exec('CREATE TABLE wal_only (x); INSERT INTO wal_only VALUES (1)');
    const dir = tempDir('kehu-fault-');
    dirs.push(dir);
    const file = path.join(dir, DB_FILE_NAME);
    fs.copyFileSync(path.join(source, DB_FILE_NAME), file);
    fs.copyFileSync(path.join(source, `${DB_FILE_NAME}-wal`), `${file}-wal`);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    damageTablePage(file, 'users');
    const before = { db: sha(file), wal: sha(`${file}-wal`) };

    const core = await open(dir);

    expect(core.fault?.kind).toBe('corrupt');
    expect({ db: sha(file), wal: sha(`${file}-wal`) }).toEqual(before);
  });
});

describe('a data folder or file that cannot be written', () => {
  it('a database SQLite could open only read-only is refused at open, not at the first sign-in', async () => {
    // SQLite opens a file the OS will not let it write read-only, without a word; tests run as
    // root, where permissions do not stop writes, so the test opens it read-only itself
    const { dir, file } = await migratedDataDir(dirs);
    const before = sha(file);

    const core = await open(dir, { readonly: true });

    const { fault, status } = await answers(core);
    expect(fault).toMatchObject({ ok: true, data: { kind: 'readOnly', dataDir: dir, file, detail: expect.stringContaining('SQLITE_READONLY') } });
    expect(status).toEqual({ ok: false, error: { code: 'DATA_READONLY', messageKey: 'errors.dataReadonly', params: { folder: dir, file } } });
    expect(sha(file)).toBe(before);
  });

  it('a folder the OS refuses to write (read-only disk) is reported with the folder', async () => {
    const dir = tempDir('kehu-fault-');
    dirs.push(dir);
    const core = await open(dir, {
      probeFolder: (d) => {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${d}/.write-test'`), { code: 'EROFS' });
      },
    });
    expect(core.fault).toMatchObject({ kind: 'readOnly', dataDir: dir });
    expect(listing(dir)).toEqual([]); // no database created
  });

  it('the folder check creates the folder and leaves nothing behind; a path that is no folder fails it', () => {
    const base = tempDir('kehu-fault-');
    dirs.push(base);
    const dir = path.join(base, 'a', 'b');
    assertFolderWritable(dir);
    expect(listing(dir)).toEqual([]);
    fs.writeFileSync(path.join(base, 'file'), 'x');
    expect(() => assertFolderWritable(path.join(base, 'file', 'sub'))).toThrow(/ENOTDIR|EEXIST/);
  });
});

describe('any other failure to open', () => {
  it('is reported as such, with SQLite\'s or the OS\'s words, and the core still answers', async () => {
    const base = tempDir('kehu-fault-');
    dirs.push(base);
    fs.writeFileSync(path.join(base, 'file'), 'x');
    const dataDir = path.join(base, 'file', 'data'); // a file where a folder should be
    const core = await open(dataDir);
    expect(core.fault).toMatchObject({ kind: 'openFailed', dataDir, detail: expect.stringMatching(/ENOTDIR|EEXIST/) });
    const r = await dispatch(core, 'auth.login', { username: 'admin', password: 'x' }, new TestClient(core));
    expect(r).toMatchObject({ ok: false, error: { code: 'DATA_OPEN_FAILED', messageKey: 'errors.dataOpenFailed' } });
  });

  it('healthy data: no fault, the app signs in as before', async () => {
    const { dir } = await migratedDataDir(dirs);
    const core = await open(dir);
    expect(await answers(core)).toEqual({
      fault: { ok: true, data: null },
      status: { ok: true, data: expect.objectContaining({ needsSetup: true }) },
    });
    // the open checks leave no trace in the file (the write probe is rolled back)
    expect(core.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '__kehu%'").pluck().get()).toBe(0);
  });
});
