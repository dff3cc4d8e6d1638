import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { list, takeBackup } from '../../../electron/core/backup/backup.service';
import { backupsDir, readManifests } from '../../../electron/core/backup/files';
import { inspect, restore } from '../../../electron/core/backup/restore.service';
import type { AppEvent } from '../../../electron/core/events';
import { inlineReads } from '../../../electron/core/reads/pool';
import { tableChecksums } from '../support/table-checksum';
import { test } from '../support/fixtures';
import { MIGRATIONS, tempDir } from '../support/test-core';
import { addCustomers, adminActor, customerNames, databaseFile, dataFileOf, olderMigrations } from './restore-support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

test.override({ jobs: 'inline' });

/** Tables a backup or a restore records itself in: not part of the data compared. */
const isBookkeeping = (t: string) => t === 'operation_log' || t.startsWith('backup');
const dataTables = (d: ReturnType<typeof tableChecksums>) =>
  Object.fromEntries(Object.entries(d).filter(([t]) => !isBookkeeping(t)));
const lastLogId = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT max(id) FROM operation_log').pluck().get() as number;
const logRow = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT * FROM operation_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;

describe('restore of a listed backup', () => {
  test('gives back every table as the backup holds it, row counts and content; later changes are gone', async ({
    env,
    admin,
  }) => {
    await addCustomers(admin, ['北京甲科技有限公司', '上海乙贸易有限公司']);
    const actor = adminActor(env);
    const atBackup = tableChecksums(env.core.sqlite);
    const backup = await takeBackup(env.core, 'manual', actor);
    const backupFile = path.join(backupsDir(env.dir), backup.fileName);
    const copy = new Database(backupFile, { readonly: true });
    const backupLastLog = lastLogId(copy);
    const backupLastRow = copy.prepare('SELECT coalesce(max(id), 0) FROM backups').pluck().get() as number;
    copy.close();
    await addCustomers(admin, ['广州丙实业有限公司']);
    expect(customerNames(env.core.sqlite)).toHaveLength(3);

    const result = await restore(env.core, actor, { source: { kind: 'listed', id: backup.id }, reason: '误删客户' });

    expect(result.restoredFrom).toBe(backup.fileName);
    expect(customerNames(env.core.sqlite)).toEqual(['北京甲科技有限公司', '上海乙贸易有限公司']);
    // every table equals the backup's; the log and the backups table up to the backup's last row
    // (the restore adds its own log row, and the backups taken since are read in from their files)
    const only = { where: { operation_log: `id <= ${backupLastLog}`, backups: `id <= ${backupLastRow}` } };
    const restored = tableChecksums(env.core.sqlite, only);
    expect(restored).toEqual(tableChecksums(backupFile, only));
    // and the data as it was when the backup was taken
    expect(dataTables(restored)).toEqual(dataTables(atBackup));
    expect(Object.keys(restored).length).toBeGreaterThan(10);
  });

  test('takes a backup of the current data first, which holds the later changes', async ({ env, admin }) => {
    const actor = adminActor(env);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['只在恢复前存在的客户']);

    const result = await restore(env.core, actor, { source: { kind: 'listed', id: backup.id } });

    const pre = readManifests(backupsDir(env.dir)).find((m) => m.trigger === 'restore');
    expect(pre?.check).toBe('ok');
    expect(result.preRestoreBackupId).not.toBeNull();
    const preDb = new Database(path.join(backupsDir(env.dir), pre?.fileName ?? ''), { readonly: true });
    expect(customerNames(preDb)).toEqual(['只在恢复前存在的客户']);
    preDb.close();
    expect(customerNames(env.core.sqlite)).toEqual([]);
    // the restored data's list knows it (and the backup restored), though it was taken after its moment
    const listed = list(env.core).backups;
    expect(listed.find((b) => b.fileName === pre?.fileName)).toMatchObject({
      id: result.preRestoreBackupId,
      trigger: 'restore',
      check: 'ok',
      present: true,
    });
    expect(listed.map((b) => b.fileName)).toContain(backup.fileName);
  });

  test("is written into the restored data's operation log: who, from which backup, why, the pre-restore backup", async ({
    env,
    admin,
  }) => {
    const actor = adminActor(env);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['后加的客户']);

    await restore(env.core, actor, {
      source: { kind: 'listed', id: backup.id },
      reason: '  录入错误，回到上午的数据 ',
    });

    const pre = readManifests(backupsDir(env.dir)).find((m) => m.trigger === 'restore');
    const row = logRow(env.core.sqlite);
    expect(row).toMatchObject({
      entity: 'backup',
      entity_id: backup.fileName,
      action: 'restore',
      user_id: actor.id,
      user_name: actor.displayName,
      reason: '录入错误，回到上午的数据',
      at: env.clock.now().toISOString(),
    });
    expect(JSON.parse(String(row.changes))).toEqual({
      source: { before: null, after: backup.fileName },
      sourceKind: { before: null, after: 'listed' },
      preRestoreBackup: { before: null, after: pre?.fileName },
    });
  });

  test('signs everyone out, telling their windows why', async ({ env, admin }) => {
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    const actor = adminActor(env);
    const backup = await takeBackup(env.core, 'manual', actor);
    const events: AppEvent[] = [];
    env.core.events.subscribe((e) => events.push(e));
    expect((await clerk.call('system.ping', {})).ok).toBe(true);

    await restore(env.core, actor, { source: { kind: 'listed', id: backup.id } });

    expect(events).toContainEqual({ name: 'session.ended', payload: { reason: 'restored' } });
    for (const c of [admin, clerk]) {
      expect(await c.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    // the restored data's users sign in again
    const again = env.client();
    expect((await again.call('auth.login', { username: 'clerk1', password: 'correct-horse-1' })).ok).toBe(true);
  });

  test('the core keeps serving on the restored file: writes, pool reads, and the file on disk is the one it uses', async ({
    env,
    admin,
  }) => {
    const actor = adminActor(env);
    await addCustomers(admin, ['备份里的客户']);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['会被撤销的客户']);
    await restore(env.core, actor, { source: { kind: 'listed', id: backup.id } });

    const again = env.client();
    await again.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    await addCustomers(again, ['恢复之后新增的客户']);
    const found = await again.ok('customer.search', {});
    expect(found.items.map((r) => r.name).sort()).toEqual(['备份里的客户', '恢复之后新增的客户'].sort());
    // a fresh connection to kehu.sqlite sees the same: the core writes into the restored file itself
    const disk = new Database(dataFileOf(env), { readonly: true });
    expect(customerNames(disk)).toEqual(['备份里的客户', '恢复之后新增的客户']);
    disk.close();
    expect(fs.existsSync(`${dataFileOf(env)}.restoring`)).toBe(false);
  });
});

describe('one restore at a time', () => {
  test('a second restore asked while one runs is refused; the first completes', async ({ env, admin }) => {
    const actor = adminActor(env);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['之后的客户']);
    const first = restore(env.core, actor, { source: { kind: 'listed', id: backup.id } });
    await expect(restore(env.core, actor, { source: { kind: 'listed', id: backup.id } })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'backup.refusal.restoreRunning',
    });
    await expect(first).resolves.toMatchObject({ restoredFrom: backup.fileName });
    expect(customerNames(env.core.sqlite)).toEqual([]);
    // and once it is done, another may run (ids are the restored data's list's: asked again)
    const again = list(env.core).backups.find((b) => b.fileName === backup.fileName);
    await expect(restore(env.core, actor, { source: { kind: 'listed', id: again?.id ?? 0 } })).resolves.toMatchObject({
      restoredFrom: backup.fileName,
    });
  });
});

describe('through the channel (backup.restore, system.backup)', () => {
  test('answers in the contract’s shape and signs the caller out too; a clerk may not restore', async ({
    env,
    admin,
  }) => {
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    const backup = await admin.ok('backup.run', {});
    await addCustomers(admin, ['之后的客户']);
    expect(await clerk.call('backup.restore', { source: { kind: 'listed', id: backup.id } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(customerNames(env.core.sqlite)).toEqual(['之后的客户']);

    const r = await admin.call('backup.restore', { source: { kind: 'listed', id: backup.id }, reason: '测试' });

    expect(r).toEqual({ ok: true, data: { restoredFrom: backup.fileName, preRestoreBackupId: expect.any(Number) } });
    expect(customerNames(env.core.sqlite)).toEqual([]);
    expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('restore of a chosen file', () => {
  test('from an older schema version: inspect says it will be migrated; restored, it is migrated after a copy of it', async ({
    env,
  }) => {
    await env.admin();
    const actor = adminActor(env);
    const older = olderMigrations(dirs, '0009');
    const file = await databaseFile(dirs, older, ['旧版本的客户']);
    const olderCount = JSON.parse(fs.readFileSync(path.join(older, 'meta/_journal.json'), 'utf8')).entries.length;
    const appCount = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')).entries.length;
    expect(olderCount).toBeLessThan(appCount);

    const seen = await inspect(env.core, file);
    expect(seen).toMatchObject({ path: file, refusal: null, needsMigration: true });

    await restore(env.core, actor, { source: { kind: 'file', path: file } });

    expect(env.core.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(appCount);
    expect(customerNames(env.core.sqlite)).toEqual(['旧版本的客户']);
    // the migration's own copy of the file as restored (openDatabase's pre-migration backup)
    const copies = fs.readdirSync(backupsDir(env.dir)).filter((n) => /^kehu-.*-migration\.sqlite$/.test(n));
    expect(copies).toHaveLength(1);
    const copy = new Database(path.join(backupsDir(env.dir), copies[0]), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(olderCount);
    copy.close();
    // the chosen file is left as it was
    expect(
      new Database(file, { readonly: true }).prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get(),
    ).toBe(olderCount);
    expect(logRow(env.core.sqlite)).toMatchObject({ entity: 'backup', action: 'restore', entity_id: 'chosen.sqlite' });
  });

  test("a copy of a running database with its log beside it: the log's rows come with it", async ({ env }) => {
    await env.admin();
    const actor = adminActor(env);
    // another app's data folder whose last rows are only in its -wal (it was copied while running)
    const source = tempDir('kehu-live-');
    dirs.push(source);
    const live = await openCore({ dataDir: source, migrationsFolder: MIGRATIONS, reads: inlineReads() });
    live.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    live.sqlite.pragma('wal_autocheckpoint = 0');
    const now = new Date().toISOString();
    live.sqlite
      .prepare(
        "INSERT INTO customers (code, name, name_norm, created_at, updated_at) VALUES ('W1', '只在日志里的客户', 'x', ?, ?)",
      )
      .run(now, now);
    const chosen = tempDir('kehu-chosen-');
    dirs.push(chosen);
    const file = path.join(chosen, 'copy.sqlite');
    fs.copyFileSync(live.sqlite.name, file);
    fs.copyFileSync(`${live.sqlite.name}-wal`, `${file}-wal`);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    live.sqlite.close();

    await restore(env.core, actor, { source: { kind: 'file', path: file } });

    expect(customerNames(env.core.sqlite)).toEqual(['只在日志里的客户']);
  });

  test('refused while another connection holds the data file (a job writing): nothing changed, the core serves on', async ({
    env,
    admin,
  }) => {
    const actor = adminActor(env);
    await addCustomers(admin, ['现有客户']);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['更新的客户']);
    const job = new Database(dataFileOf(env)); // as a job's own connection would
    job.prepare('SELECT count(*) FROM customers').get();
    const before = dataTables(tableChecksums(env.core.sqlite));

    await expect(restore(env.core, actor, { source: { kind: 'listed', id: backup.id } })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'backup.refusal.busy',
    });
    job.close();

    // only the pre-restore backup was recorded (it is taken before the swap finds the file busy)
    expect(dataTables(tableChecksums(env.core.sqlite))).toEqual(before);
    expect(customerNames(env.core.sqlite)).toEqual(['现有客户', '更新的客户']);
    expect((await admin.call('system.ping', {})).ok).toBe(true);
    await addCustomers(admin, ['之后仍能保存']);
    expect(fs.existsSync(`${dataFileOf(env)}.restoring`)).toBe(false);
  });
});

describe('restore with the read pool in threads (as in the app)', () => {
  test.override({ reads: 'threads' });

  test('closes the pool threads before the swap and reads the restored data after it', async ({ env, admin }) => {
    const actor = adminActor(env);
    await addCustomers(admin, ['线程读到的客户']);
    const backup = await takeBackup(env.core, 'manual', actor);
    await addCustomers(admin, ['恢复后不应出现']);
    await env.core.reads.warm();

    await restore(env.core, actor, { source: { kind: 'listed', id: backup.id } });

    expect(env.core.reads.stats().mode).toBe('threads');
    const again = env.client();
    await again.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    const found = await again.ok('customer.search', {});
    expect(found.items.map((r) => r.name)).toEqual(['线程读到的客户']);
  });
});
