import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema';
import { type Core, createCore, openCore } from '../../../electron/core/core';
import { fullCustomer } from '../customers/support';
import { makeEnv, MIGRATIONS, snapshot, TestClient, type TestEnv, withHandlers } from '../support/test-core';
import { damageTablePage, migratedDataDir } from './fault-support';

// A storage fault met by a call is answered in the contract's shape with its own code and a
// message naming the folder, never INTERNAL; the transaction is rolled back, nothing changes.
const envs: TestEnv[] = [];
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.close();
  for (const c of cores.splice(0)) c.sqlite.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function env(opts: Parameters<typeof makeEnv>[0] = {}) {
  const e = await makeEnv(opts);
  envs.push(e);
  return e;
}

/** Lets the file grow by no page at all: the next write that needs a page meets SQLITE_FULL, as on a full disk. */
function fillDisk(core: Core) {
  core.sqlite.exec('VACUUM'); // no free pages inside the file either
  expect(core.sqlite.pragma('freelist_count', { simple: true })).toBe(0);
  const pages = core.sqlite.pragma('page_count', { simple: true }) as number;
  core.sqlite.pragma(`max_page_count = ${pages}`);
  return () => core.sqlite.pragma('max_page_count = 4294967294');
}

describe('a full disk', () => {
  it('a save answers DISK_FULL naming the folder, and nothing of it was written (customer nor log row)', async () => {
    const e = await env();
    const admin = await e.admin();
    // a memo of 2000 characters needs a page of its own (over 4 KB)
    const input = { ...(await fullCustomer(admin)), memo: '重点客户'.repeat(500) };
    const before = snapshot(e.core);
    const freeSpace = fillDisk(e.core);

    const r = await admin.call('customer.create', input);

    expect(r).toEqual({ ok: false, error: { code: 'DISK_FULL', messageKey: 'errors.diskFull', params: { folder: e.dir, file: e.core.sqlite.name } } });
    expect(snapshot(e.core)).toBe(before);
    expect(e.core.sqlite.inTransaction).toBe(false);
    expect(e.core.fault).toBeNull(); // freeing space is enough: the next save goes through
    freeSpace();
    expect(await admin.call('customer.create', input)).toMatchObject({ ok: true });
  });

  it('a file write that meets ENOSPC (upload, backup) answers DISK_FULL too', async () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: 'ENOSPC', errno: -28 });
    const e = await env({
      features: withHandlers({
        'system.ping': () => {
          throw enospc;
        },
      }),
    });
    const admin = await e.admin();
    const r = await admin.call('system.ping', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL', messageKey: 'errors.diskFull', params: { folder: e.dir } } });
  });
});

describe('a database that cannot be written', () => {
  it('a write answers DATA_READONLY naming the folder (sign-in and setup are writes)', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    // a core over a connection SQLite opened read-only (as it does when the OS refuses writing)
    const sqlite = new Database(file, { readonly: true });
    const core = createCore({ db: drizzle(sqlite, { schema }), sqlite, dataDir: dir });
    cores.push(core);
    const client = new TestClient(core);

    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true } });
    const r = await client.call('auth.setup', { username: 'admin', displayName: '系统管理员', password: 'admin-pass-1' });
    expect(r).toEqual({ ok: false, error: { code: 'DATA_READONLY', messageKey: 'errors.dataReadonly', params: { folder: dir, file } } });
  });
});

describe('a database another program holds locked', () => {
  it('a save answers DATA_BUSY (try again), nothing of it is written, and it goes through once the lock is gone', async () => {
    const e = await env();
    const admin = await e.admin();
    const input = await fullCustomer(admin);
    const before = snapshot(e.core);
    e.core.sqlite.pragma('busy_timeout = 0'); // SQLite waits 5 s before giving up; the test need not
    const other = new Database(e.core.sqlite.name); // another program's connection, mid-write
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await admin.call('customer.create', input);
      expect(r).toEqual({ ok: false, error: { code: 'DATA_BUSY', messageKey: 'errors.dataBusy', params: { folder: e.dir, file: e.core.sqlite.name } } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(snapshot(e.core)).toBe(before);
    expect(e.core.fault).toBeNull();
    expect(await admin.call('customer.create', input)).toMatchObject({ ok: true });
  });
});

describe('a database damaged while the app runs', () => {
  it('the call answers DB_CORRUPT; from then on every call is refused with it and system.fault says where', async () => {
    const { dir, file } = await migratedDataDir(dirs);
    damageTablePage(file, 'users');
    // too big for the check at open (only the header and schema are read): found by the first call
    const core = await openCore({ dataDir: dir, migrationsFolder: MIGRATIONS, dbOptions: { integrityCheckMaxBytes: 0 } });
    cores.push(core);
    const client = new TestClient(core);
    const refused = { ok: false, error: { code: 'DB_CORRUPT', messageKey: 'errors.dbCorrupt', params: { folder: dir, file } } };

    expect(await client.call('auth.status', {})).toEqual(refused);
    expect(await client.call('system.fault', {})).toMatchObject({ ok: true, data: { kind: 'corrupt', dataDir: dir, file, restore: null } });
    // nothing more goes near the file, not even a call that would not read the damaged table
    expect(await client.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).toEqual(refused);
  });
});
