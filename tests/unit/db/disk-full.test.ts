import fsp from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, vi } from 'vitest';
import { UPLOAD_PART_BYTES } from '../../../electron/core/import/shared/import.contract';
import type { ApiError } from '../../../electron/core/shared/contract-kit';
import { row, TEMPLATE_HEADERS, upload, xlsxBytes } from '../import/support';
import { test } from '../support/fixtures';
import { tableChecksums } from '../support/table-checksum';
import { shownText } from './fault-messages';

// A full disk met by a customer save, by an import's long write in its job, and by a file write
// (an upload's piece): the call answers DISK_FULL with the message naming the data folder, and not
// one row of any table changed (the transaction was rolled back, half an import included).
// SQLite's own limit on the file's pages (max_page_count) is the full disk here: the file cannot
// grow, and SQLite answers SQLITE_FULL exactly as on a full disk; the OS's ENOSPC for a file write
// is injected where storage.ts writes. (A small filesystem cannot be mounted in a container or on
// a CI runner without privileges.)
const full = vi.hoisted(() => ({ jobPages: null as number | null }));
vi.mock('../../../electron/core/jobs/db', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../electron/core/jobs/db')>();
  return {
    ...m,
    // a job's own connection meets the full disk too: its file may grow by `jobPages` pages at most
    openJobDb(file: string) {
      const sqlite = m.openJobDb(file);
      if (full.jobPages !== null) sqlite.pragma(`max_page_count = ${(sqlite.pragma('page_count', { simple: true }) as number) + full.jobPages}`);
      return sqlite;
    },
  };
});

test.override({ jobs: 'inline', setUp: true });
afterEach(() => {
  full.jobPages = null;
  vi.restoreAllMocks();
});

/** The file may grow by no page (none free inside it either): the next write that needs one meets SQLITE_FULL. */
function fillDisk(sqlite: Database.Database): () => void {
  sqlite.exec('VACUUM');
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
  return () => sqlite.pragma('max_page_count = 4294967294');
}

function expectDiskFull(r: { ok: boolean; error?: ApiError }, folder: string) {
  expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL', messageKey: 'errors.diskFull', params: { folder } } });
  const text = shownText(r.error!);
  expect(text['zh-CN']).toContain('磁盘空间已满');
  expect(text['zh-CN']).toContain(folder);
  expect(text.en).toContain(folder);
}

const contacts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `联系人${i}`, mobile: `1391234${String(i).padStart(4, '0')}`, isPrimary: i === 0 }));

describe('a full disk', () => {
  test('a customer save (an edit with 50 contacts) answers DISK_FULL; no table changed; it goes through once there is space', async ({ env, admin }) => {
    const c = await admin.ok('customer.create', { name: '磁盘测试有限公司', contacts: contacts(2) });
    const edit = { id: c.id, version: c.version, name: '磁盘测试有限公司改', memo: '满'.repeat(2000), contacts: contacts(50), duplicateReason: '测试' };
    const before = tableChecksums(env.core.sqlite);
    const freeSpace = fillDisk(env.core.sqlite);

    expectDiskFull(await admin.call('customer.update', edit), env.dir);
    expect(tableChecksums(env.core.sqlite)).toEqual(before);
    expect(env.core.fault).toBeNull();

    freeSpace();
    expect(await admin.call('customer.update', edit)).toMatchObject({ ok: true, data: { version: c.version + 1 } });
    expect(tableChecksums(env.core.sqlite)).not.toEqual(before); // the checksum sees a save
  });

  test("an import's write (one long transaction in its job) meets the full disk midway: DISK_FULL, nothing of it stays", async ({ env, admin }) => {
    const rows = Array.from({ length: 400 }, (_x, i) => row({ 客户名称: `满盘导入${i}有限公司`, 联系人: `导入联系人${i}`, 手机: 13800000000 + i }));
    const up = await upload(admin, '满盘.xlsx', await xlsxBytes(TEMPLATE_HEADERS, rows));
    env.core.sqlite.exec('VACUUM');
    const before = tableChecksums(env.core.sqlite);
    // room for a few pages: the job writes rows first and meets the full disk inside its transaction
    full.jobPages = 8;

    expectDiskFull(await admin.call('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping }), env.dir);
    expect(tableChecksums(env.core.sqlite)).toEqual(before);

    full.jobPages = null;
    expect(await admin.ok('customer.importRun', { uploadId: up.uploadId, mapping: up.suggestedMapping })).toMatchObject({ imported: 400 });
  });

  test("an upload's piece whose write meets ENOSPC answers DISK_FULL; no table changed", async ({ env, admin }) => {
    const bytes = await xlsxBytes(TEMPLATE_HEADERS, Array.from({ length: 200 }, (_x, i) => row({ 客户名称: `分片${i}有限公司` })));
    const size = Math.min(UPLOAD_PART_BYTES, 4096);
    const first = await admin.ok('customer.importUploadPart', { offset: 0, dataBase64: bytes.subarray(0, size).toString('base64') });
    const before = tableChecksums(env.core.sqlite);
    // as a disk that fills up while writing: no byte of the piece fits
    vi.spyOn(fsp, 'appendFile').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 }));

    const piece = { partsId: first.partsId, offset: size, dataBase64: bytes.subarray(size, 2 * size).toString('base64') };
    expectDiskFull(await admin.call('customer.importUploadPart', piece), env.dir);
    expect(tableChecksums(env.core.sqlite)).toEqual(before);
    // the piece is sent again once there is space, and the upload goes on
    expect(await admin.ok('customer.importUploadPart', piece)).toMatchObject({ size: 2 * size });
  });
});
