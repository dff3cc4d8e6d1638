import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeBackup } from '../../../electron/core/backup/backup.service';
import { type Core, closeCore, DB_FILE_NAME, openCore, openCoreOrFault } from '../../../electron/core/core';
import { FixedClock } from '../../../electron/core/clock';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { inlineReads } from '../../../electron/core/reads/pool';
import { startBackgroundJobs } from '../../../electron/core/background';
import { restoreDamaged } from '../../../electron/core/backup/restore.service';
import { type AnyFeature, defineFeature } from '../../../electron/core/feature';
import { sha } from '../db/fault-support';
import { MIGRATIONS, TestClient, tempDir, userByName, withFeature } from '../support/test-core';
import { loadActor } from '../../../electron/core/actor';
import { addCustomers, customerNames, listing } from './restore-support';

// A damaged data file at start: never deleted, never written into; moved aside (named with the
// time) when a good backup can be offered, and that backup restored through the public channel.
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) closeCore(c);
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const clock = () => new FixedClock('2026-03-02T08:00:00.000Z');
const opts = (dataDir: string, c: FixedClock, features?: readonly AnyFeature[]) => ({
  dataDir,
  migrationsFolder: MIGRATIONS,
  clock: c,
  reads: inlineReads(),
  jobs: inlineJobs(),
  features,
});

/** A data folder with an administrator, two customers in a good backup, and one more after it. */
async function folderWithBackup(c: FixedClock) {
  const dir = tempDir('kehu-damaged-');
  dirs.push(dir);
  const core = await openCore(opts(dir, c));
  const admin = new TestClient(core);
  await admin.ok('auth.setup', { username: 'admin', displayName: '系统管理员', password: 'admin-pass-1' });
  await addCustomers(admin, ['北京甲科技有限公司', '上海乙贸易有限公司']);
  const actor = loadActor(core, userByName(core, 'admin')?.id ?? 0);
  if (!actor) throw new Error('no admin');
  const backup = await takeBackup(core, 'manual', actor);
  await addCustomers(admin, ['备份之后的客户']);
  closeCore(core);
  return { dir, file: path.join(dir, DB_FILE_NAME), backup };
}

/** Garbage over the bytes from offset 4096 (the second page), as a failing disk would leave them. */
function overwriteAt4096(file: string): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(1024, 0xa5), 0, 1024, 4096);
  fs.closeSync(fd);
}

async function openFaulted(dir: string, c: FixedClock, features?: readonly AnyFeature[]): Promise<Core> {
  const core = await openCoreOrFault(opts(dir, c, features));
  cores.push(core);
  return core;
}

describe('a damaged data file at start, with a good backup', () => {
  it('is moved aside untouched, named with the time, and the newest good backup is offered with its age', async () => {
    const c = clock();
    const { dir, file, backup } = await folderWithBackup(c);
    overwriteAt4096(file);
    const damaged = sha(file);
    c.advanceMinutes(5 * 60);

    const core = await openFaulted(dir, c);

    const fault = await new TestClient(core).ok('system.fault', {});
    expect(fault).toMatchObject({
      kind: 'corrupt',
      dataDir: dir,
      file,
      detail: expect.stringMatching(/SQLITE_CORRUPT/),
    });
    const movedTo = path.join(dir, 'kehu.damaged-2026-03-02T13-00-00-000Z.sqlite');
    expect(fault?.restore).toEqual({ movedTo, newest: { fileName: backup.fileName, at: backup.at, ageHours: 5 } });
    expect(fs.existsSync(file)).toBe(false);
    expect(sha(movedTo)).toBe(damaged); // kept byte for byte, for inspection
    // every other call is still refused with the fault
    expect(await new TestClient(core).call('auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT' },
    });
  });

  it('restoreDamaged restores the offered backup: the core serves again, the damaged file stays aside, the log says so', async () => {
    const c = clock();
    const { dir, file, backup } = await folderWithBackup(c);
    overwriteAt4096(file);
    const damaged = sha(file);
    const core = await openFaulted(dir, c);
    const movedTo = core.fault?.restore?.movedTo ?? '';
    const client = new TestClient(core);

    expect(
      await client.call('backup.restoreDamaged', { fileName: 'kehu-20200101T000000000Z-manual.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'backup.refusal.notOffered' },
    });
    expect(await client.call('backup.restoreDamaged', { fileName: backup.fileName })).toEqual({
      ok: true,
      data: { restoredFrom: backup.fileName },
    });

    expect(core.fault).toBeNull();
    expect(await client.ok('system.fault', {})).toBeNull();
    await client.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const found = await client.ok('customer.search', {});
    expect(found.items.map((r) => r.name).sort()).toEqual(['上海乙贸易有限公司', '北京甲科技有限公司']);
    await addCustomers(client, ['恢复后新增的客户']); // it writes again
    expect(sha(movedTo)).toBe(damaged);
    const disk = new Database(file, { readonly: true });
    expect(customerNames(disk)).toEqual(['北京甲科技有限公司', '上海乙贸易有限公司', '恢复后新增的客户']);
    const log = disk
      .prepare("SELECT user_id, user_name, reason, entity_id FROM operation_log WHERE action = 'restore'")
      .all();
    disk.close();
    expect(log).toEqual([
      { user_id: null, user_name: null, reason: `damaged file moved to ${movedTo}`, entity_id: backup.fileName },
    ]);
  });

  it('closed without restoring, the next start brings the same offer back instead of a new, empty archive', async () => {
    const c = clock();
    const { dir, file, backup } = await folderWithBackup(c);
    overwriteAt4096(file);
    const first = await openFaulted(dir, c);
    const movedTo = first.fault?.restore?.movedTo;
    closeCore(first);
    // a kill between the renames left the damaged file's log where it was
    fs.writeFileSync(`${file}-wal`, 'the damaged file’s log');
    c.advanceMinutes(60);

    const again = await openFaulted(dir, c);

    expect(again.fault).toMatchObject({
      kind: 'corrupt',
      file,
      restore: { movedTo, newest: { fileName: backup.fileName } },
    });
    expect(again.fault?.detail).toBe(first.fault?.detail);
    expect(fs.existsSync(file)).toBe(false); // no new, empty database
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // set aside, never to be replayed into a restored file
    const kept = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('-wal') && fs.readFileSync(path.join(dir, n), 'utf8') === 'the damaged file’s log');
    expect(kept).toEqual([expect.stringMatching(/^kehu\.(damaged|stale)-.*\.sqlite-wal$/)]);
    expect(await new TestClient(again).call('backup.restoreDamaged', { fileName: backup.fileName })).toMatchObject({
      ok: true,
    });
    expect(customerNames(again.sqlite)).toEqual(['北京甲科技有限公司', '上海乙贸易有限公司']);
  });
});

describe('the background work after a damaged start', () => {
  it('started at start as web.ts and main.ts do, it waits while in the fault and runs once the backup is restored', async () => {
    const c = clock();
    const { dir, file, backup } = await folderWithBackup(c);
    overwriteAt4096(file);
    const ticks: string[] = [];
    const tick = defineFeature({
      name: 'tick',
      contract: {},
      handlers: {},
      timers: [{ name: 'tick.count', run: (core) => void ticks.push(customerNames(core.sqlite).join(',')) }],
    });
    const core = await openFaulted(dir, c, withFeature(tick));
    const stop = startBackgroundJobs(core, { intervalMs: 10, onError: () => {} });
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(ticks).toEqual([]); // nothing runs on a damaged file

      await restoreDamaged(core, backup.fileName);
      await vi.waitFor(() => expect(ticks.length).toBeGreaterThan(0), { timeout: 5_000 });
      expect(ticks[0]).toBe('北京甲科技有限公司,上海乙贸易有限公司');
    } finally {
      await stop(); // a round still running ends before the folder is removed
    }
  });
});

describe('a damaged data file at start without a good backup', () => {
  it('stays where it is, byte for byte, and nothing is offered', async () => {
    const c = clock();
    const { dir, file } = await folderWithBackup(c);
    // the only backup failed its check: not offered
    const backups = path.join(dir, 'backups');
    for (const n of fs.readdirSync(backups).filter((n) => n.endsWith('.json'))) {
      const m = JSON.parse(fs.readFileSync(path.join(backups, n), 'utf8'));
      fs.writeFileSync(path.join(backups, n), JSON.stringify({ ...m, check: 'failed' }));
    }
    overwriteAt4096(file);
    const before = sha(file);

    const core = await openFaulted(dir, c);

    expect(core.fault).toMatchObject({ kind: 'corrupt', restore: null });
    expect(sha(file)).toBe(before);
    expect(listing(dir).filter((n) => n.startsWith('kehu.damaged'))).toEqual([]);
    expect(await new TestClient(core).call('backup.restoreDamaged', { fileName: 'x.sqlite' })).toMatchObject({
      ok: false,
      error: { messageKey: 'backup.refusal.noDamagedOffer' },
    });
  });
});
