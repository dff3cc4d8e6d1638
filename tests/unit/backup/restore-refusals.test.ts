import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { backupsDir } from '../../../electron/core/backup/files';
import { inspect, restore, restoreDamaged } from '../../../electron/core/backup/restore.service';
import { damageTablePage, sha } from '../db/fault-support';
import { test } from '../support/fixtures';
import { MIGRATIONS, snapshot, type TestEnv, tempDir } from '../support/test-core';
import {
  addCustomers,
  adminActor,
  databaseFile,
  dataFileOf,
  foreignFile,
  listing,
  newerMigrations,
} from './restore-support';

// A file that may not be restored is refused before anything happens: no pre-restore backup, no
// swap, the data and its file as they were, the same sessions.
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

test.override({ jobs: 'inline' });

const cases: { name: string; key: string; make: () => Promise<string> }[] = [
  {
    name: 'a database of a newer version of the app',
    key: 'backup.refusal.newerSchema',
    make: () => databaseFile(dirs, newerMigrations(dirs), ['未来版本的客户']),
  },
  {
    name: 'a file that is no database',
    key: 'backup.refusal.notDatabase',
    make: async () => {
      const d = tempDir('kehu-notdb-');
      dirs.push(d);
      const file = path.join(d, 'notes.sqlite');
      fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'not a database, just text. '));
      return file;
    },
  },
  {
    name: 'a damaged copy of this app’s database',
    key: 'backup.refusal.damaged',
    make: async () => {
      const file = await databaseFile(dirs, MIGRATIONS, ['损坏文件里的客户']);
      damageTablePage(file, 'customers');
      return file;
    },
  },
  { name: 'another program’s SQLite database', key: 'backup.refusal.notOurs', make: async () => foreignFile(dirs) },
];

async function state(env: TestEnv) {
  return { data: snapshot(env.core), file: sha(dataFileOf(env)), backups: listing(backupsDir(env.dir)) };
}

describe('a chosen file that may not be restored', () => {
  for (const c of cases) {
    test(`${c.name}: inspect says why, restore refuses with that key, nothing changed`, async ({ env, admin }) => {
      await addCustomers(admin, ['现有客户']);
      fs.mkdirSync(backupsDir(env.dir), { recursive: true });
      const file = await c.make();
      const fileBefore = sha(file);
      env.core.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the file on disk holds every commit: its hash is the data's
      const before = await state(env);

      expect(await inspect(env.core, file)).toMatchObject({ path: file, refusal: c.key });
      await expect(restore(env.core, adminActor(env), { source: { kind: 'file', path: file } })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        messageKey: c.key,
      });

      expect(await state(env)).toEqual(before);
      expect(sha(file)).toBe(fileBefore);
      expect((await admin.call('system.ping', {})).ok).toBe(true); // still signed in
    });
  }

  test('the data file itself, and a file that is not there', async ({ env, admin }) => {
    await addCustomers(admin, ['现有客户']);
    const before = snapshot(env.core);
    await expect(
      restore(env.core, adminActor(env), { source: { kind: 'file', path: dataFileOf(env) } }),
    ).rejects.toMatchObject({
      messageKey: 'backup.refusal.isCurrent',
    });
    await expect(
      restore(env.core, adminActor(env), { source: { kind: 'file', path: path.join(env.dir, 'nothing-here.sqlite') } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'backup.refusal.missing' });
    await expect(restore(env.core, adminActor(env), { source: { kind: 'listed', id: 999 } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'backup.refusal.notListed',
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('the damaged-file restore is refused when the data is not damaged', async ({ env, admin }) => {
    await addCustomers(admin, ['现有客户']);
    const before = snapshot(env.core);
    await expect(restoreDamaged(env.core, 'kehu-20260101T000000000Z-manual.sqlite')).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'backup.refusal.noDamagedOffer',
    });
    // through the channel too: it is public, and answers a refusal in the contract's shape
    expect(await env.client().call('backup.restoreDamaged', { fileName: 'x.sqlite' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'backup.refusal.noDamagedOffer' },
    });
    expect(snapshot(env.core)).toBe(before);
  });
});
