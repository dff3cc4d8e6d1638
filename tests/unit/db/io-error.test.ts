import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/core';
import { bundleHost, HttpClient, killChild, type Reply, startChild } from '../../proof/kill-child';
import { makeEnv, withHandlers } from '../support/test-core';
import { tableChecksums } from '../support/table-checksum';
import { shownText } from './fault-messages';

// An I/O error from the OS while a save is written: the host runs in a child process whose files
// may not grow past a limit (RLIMIT_FSIZE, `ulimit -f`); when the write-ahead log reaches it, the
// kernel refuses the write (EFBIG) and SQLite reports SQLITE_IOERR_WRITE, as for a failing disk.
// The call answers IO_ERROR with its own message, and no table changed, then or after a restart.
let bundle: { dir: string; script: string };
const dirs: string[] = [];
beforeAll(async () => {
  bundle = await bundleHost();
}, 60_000);
afterAll(() => {
  fs.rmSync(bundle.dir, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const ADMIN = { username: 'admin', password: 'io-admin-pass-1' };

/** The file's tables, read on a connection of the test's own (the host may be running). */
function checksum(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return tableChecksums(db);
  } finally {
    db.close();
  }
}

describe('an I/O error while writing', () => {
  it('a customer save answers IO_ERROR with its message; no table changed, then or after a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-ioerr-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, DB_FILE_NAME);
    // a first run sets up the archive; the file is then closed with its log merged, so that the
    // limited run starts with an empty log and only its own writes meet the limit
    let { proc, ready } = startChild(bundle.script, dataDir);
    let child = await ready;
    await new HttpClient(child.url, child.token).ok('auth.setup', { ...ADMIN, displayName: '系统管理员' });
    await killChild(proc, child.exited);
    const merge = new Database(file);
    merge.pragma('wal_checkpoint(TRUNCATE)');
    merge.close();
    const limitKiB = fs.statSync(file).size / 1024 + 256;

    ({ proc, ready } = startChild(bundle.script, dataDir, { fileSizeLimitKiB: limitKiB }));
    child = await ready;
    let refused: Extract<Reply, { ok: false }> | null = null;
    let before = checksum(file);
    try {
      const client = new HttpClient(child.url, child.token);
      await client.ok('auth.login', ADMIN);
      // saves of about 10 KB each: the log grows until a write of one of them passes the limit
      for (let i = 0; i < 200 && !refused; i++) {
        before = checksum(file);
        const r = await client.call('customer.create', { name: `读写错误测试${i}有限公司`, memo: `第${i}次`.repeat(400), duplicateReason: '测试' });
        if (!r.ok) refused = r;
      }
      expect(refused).toMatchObject({ error: { code: 'IO_ERROR', messageKey: 'errors.ioError', params: { folder: dataDir, file } } });
      expect(checksum(file)).toEqual(before);
      // the limit was met by the log, as a failing disk would refuse it
      expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(limitKiB * 1024);
    } finally {
      await killChild(proc, child.exited);
    }
    const text = shownText(refused!.error as never);
    expect(text['zh-CN']).toContain('本次操作没有保存');
    expect(text.en).toContain(file);

    // restarted without the limit: the refused save is not there, everything before it is
    ({ proc, ready } = startChild(bundle.script, dataDir));
    child = await ready;
    try {
      expect(child.fault).toBeNull();
      expect(checksum(file)).toEqual(before);
    } finally {
      await killChild(proc, child.exited);
    }
  }, 120_000);

  it("a file write (upload, backup) that meets the OS's EIO answers IO_ERROR too, not INTERNAL", async () => {
    const eio = Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO', errno: -5 });
    const env = await makeEnv({
      features: withHandlers({
        'system.ping': () => {
          throw eio;
        },
      }),
    });
    try {
      const admin = await env.admin();
      expect(await admin.call('system.ping', {})).toMatchObject({ ok: false, error: { code: 'IO_ERROR', messageKey: 'errors.ioError', params: { folder: env.dir } } });
      expect(env.core.fault).toBeNull(); // per call: the next may work
    } finally {
      env.close();
    }
  });
});
