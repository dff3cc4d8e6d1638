import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentDir, sha256Of } from '../../../electron/core/files/content';
import {
  commitDownload,
  newDownload,
  readDownloadChunk,
  readUpload,
  saveUpload,
  sweep,
  uploadPaths,
} from '../../../electron/core/files/storage';

/** Uploads and downloads: handles with an owner, bytes stored once by their SHA-256. */
let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-files-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const meta = (userId: number, fileName = '客户.xlsx') => ({ fileName, ext: 'xlsx', userId, size: 0, createdAt: '2026-01-01T00:00:00.000Z' });
const stored = () => (fs.existsSync(contentDir(dataDir)) ? fs.readdirSync(contentDir(dataDir)).sort() : []);
const hoursAgo = (file: string, h: number) => {
  const t = new Date(Date.now() - h * 3600_000);
  fs.utimesSync(file, t, t);
};

async function download(userId: number, bytes: Buffer) {
  const slot = await newDownload(dataDir);
  fs.writeFileSync(slot.file, bytes);
  return commitDownload(dataDir, slot.id, { fileName: '导出.xlsx', userId, createdAt: '2026-01-01T00:00:00.000Z' });
}

describe('files/storage', () => {
  it('identical uploads share one stored file; each keeps its own id, owner and name', async () => {
    const bytes = Buffer.from('同一个文件的内容');
    const a = await saveUpload(dataDir, meta(1, '甲.xlsx'), bytes);
    const b = await saveUpload(dataDir, meta(2, '乙.xlsx'), bytes);
    const c = await saveUpload(dataDir, meta(1, '丙.xlsx'), Buffer.from('另一个文件'));
    expect(a.id).not.toBe(b.id);
    expect(a.bytesFile).toBe(b.bytesFile);
    expect(path.basename(a.bytesFile)).toBe(sha256Of(bytes));
    expect(stored()).toEqual([sha256Of(bytes), sha256Of(Buffer.from('另一个文件'))].sort());
    expect(fs.readFileSync(a.bytesFile)).toEqual(bytes);
    expect(await readUpload(dataDir, a.id, 1)).toMatchObject({ fileName: '甲.xlsx', userId: 1, bytesFile: a.bytesFile });
    expect(await readUpload(dataDir, b.id, 2)).toMatchObject({ fileName: '乙.xlsx', userId: 2, bytesFile: a.bytesFile });
    expect((await readUpload(dataDir, c.id, 1)).bytesFile).not.toBe(a.bytesFile);
  });

  it('a handle is for its owner only; ids that are not handle ids are refused', async () => {
    const up = await saveUpload(dataDir, meta(1), Buffer.from('x'));
    await expect(readUpload(dataDir, up.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND', messageKey: 'import.errors.uploadGone' });
    await expect(readUpload(dataDir, '../../etc/passwd', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const down = await download(1, Buffer.from('导出的内容'));
    await expect(readDownloadChunk(dataDir, down.fileId, 2, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const chunk = await readDownloadChunk(dataDir, down.fileId, 1, 0);
    expect(Buffer.from(chunk.dataBase64, 'base64').toString()).toBe('导出的内容');
    expect(chunk).toMatchObject({ done: true, size: Buffer.byteLength('导出的内容') });
  });

  it('downloads share stored bytes with each other and with uploads', async () => {
    const bytes = Buffer.from('同样的字节');
    const up = await saveUpload(dataDir, meta(1), bytes);
    const d1 = await download(1, bytes);
    const d2 = await download(2, bytes);
    expect(d1.fileId).not.toBe(d2.fileId);
    expect(d1.size).toBe(bytes.length);
    expect(stored()).toEqual([path.basename(up.bytesFile)]);
    // the slot the worker wrote is gone: the bytes live in the store only
    expect(fs.readdirSync(path.join(dataDir, 'downloads')).filter((n) => !n.endsWith('.json'))).toEqual([]);
  });

  it('the expiry sweep removes handles past their age, then bytes no handle refers to', async () => {
    const shared = Buffer.from('两个上传共用');
    const a = await saveUpload(dataDir, meta(1), shared);
    const b = await saveUpload(dataDir, meta(2), shared);
    const d = await download(1, Buffer.from('导出'));
    fs.writeFileSync(uploadPaths(dataDir, a.id).table, 'derived');
    for (const f of stored()) hoursAgo(path.join(contentDir(dataDir), f), 30);

    // a expires: the bytes stay, b still refers to them
    hoursAgo(uploadPaths(dataDir, a.id).meta, 25);
    hoursAgo(uploadPaths(dataDir, a.id).table, 25);
    await sweep(dataDir);
    await expect(readUpload(dataDir, a.id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(uploadPaths(dataDir, a.id).table)).toBe(false);
    expect(fs.readFileSync((await readUpload(dataDir, b.id, 2)).bytesFile)).toEqual(shared);

    // b expires (24 h) and the download (2 h): nothing refers to any stored bytes
    hoursAgo(uploadPaths(dataDir, b.id).meta, 25);
    hoursAgo(path.join(dataDir, 'downloads', `${d.fileId}.json`), 3);
    await sweep(dataDir);
    expect(stored()).toEqual([]);
    await expect(readDownloadChunk(dataDir, d.fileId, 1, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('bytes stored moments ago stay although no handle refers to them yet', async () => {
    const up = await saveUpload(dataDir, meta(1), Buffer.from('刚存的'));
    fs.rmSync(uploadPaths(dataDir, up.id).meta);
    await sweep(dataDir);
    expect(stored()).toEqual([path.basename(up.bytesFile)]);
  });

  it('files of the layout before content hashes: gone for the caller, removed by the sweep once old', async () => {
    const id = 'ab'.repeat(16);
    const imports = path.join(dataDir, 'imports');
    const downloads = path.join(dataDir, 'downloads');
    fs.mkdirSync(imports, { recursive: true });
    fs.mkdirSync(downloads, { recursive: true });
    const old = [path.join(imports, `${id}.bin`), path.join(imports, `${id}.json`), path.join(imports, `${id}.table`), path.join(downloads, `${id}.bin`), path.join(downloads, `${id}.json`)];
    for (const f of old) fs.writeFileSync(f, f.endsWith('.json') ? JSON.stringify(meta(1)) : 'old bytes');
    await expect(readUpload(dataDir, id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND', messageKey: 'import.errors.uploadGone' });
    await expect(readDownloadChunk(dataDir, id, 1, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await sweep(dataDir);
    expect(old.filter((f) => fs.existsSync(f))).toEqual(old);
    for (const f of old) hoursAgo(f, 25);
    await saveUpload(dataDir, meta(1), Buffer.from('new'));
    expect(old.filter((f) => fs.existsSync(f))).toEqual([]);
  });

  it('a crash before the rename leaves no file under the hash name, and the upload is not acknowledged', async () => {
    const bytes = Buffer.from('写到一半');
    const rename = vi.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('power lost'), { code: 'EIO' }));
    await expect(saveUpload(dataDir, meta(1), bytes)).rejects.toThrow('power lost');
    expect(rename).toHaveBeenCalledTimes(1);
    expect(stored().filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual([]);
    const imports = path.join(dataDir, 'imports');
    expect(fs.existsSync(imports) ? fs.readdirSync(imports).filter((n) => n.endsWith('.json')) : []).toEqual([]);
  });

  it('the file appears under its hash name only by renaming a complete temporary file flushed to disk', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const synced = new Set<string>();
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        synced.add(String(args[0]));
        return sync();
      };
      return handle;
    });
    const rename = fsp.rename.bind(fsp);
    const seen: { to: string; complete: boolean; synced: boolean; targetExisted: boolean }[] = [];
    vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      const complete = path.dirname(String(to)) === contentDir(dataDir) ? fs.readFileSync(from).equals(bytes) : fs.readFileSync(from, 'utf8').includes('"sha256"');
      seen.push({ to: String(to), complete, synced: synced.has(String(from)), targetExisted: fs.existsSync(to) });
      return rename(from, to);
    });
    const up = await saveUpload(dataDir, meta(1), bytes);
    // the bytes, then the handle's record: each renamed into place whole and flushed
    expect(seen).toEqual([
      { to: up.bytesFile, complete: true, synced: true, targetExisted: false },
      { to: uploadPaths(dataDir, up.id).meta, complete: true, synced: true, targetExisted: false },
    ]);
    expect(fs.readFileSync(up.bytesFile).equals(bytes)).toBe(true);
  });

  it('a temporary file a crash left behind is swept once old', async () => {
    await saveUpload(dataDir, meta(1), Buffer.from('x'));
    const stray = path.join(contentDir(dataDir), 'tmp-0123456789abcdef');
    fs.writeFileSync(stray, 'half');
    await sweep(dataDir);
    expect(fs.existsSync(stray)).toBe(true);
    hoursAgo(stray, 1);
    await sweep(dataDir);
    expect(fs.existsSync(stray)).toBe(false);
  });
});
