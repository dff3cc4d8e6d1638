import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError, NotFound } from '../errors';

/**
 * Files of the import feature under the data folder: uploads (`imports/<id>.*`: the bytes, the
 * parsed table, the last validation's issues) and files made for the user to download
 * (`downloads/<id>`: template, error list, export). Each belongs to the user who made it; ids are
 * random 128-bit hex (no path can be smuggled in). Old ones are removed as new ones arrive.
 */
export const UPLOAD_MAX_AGE_MS = 24 * 3600_000;
export const DOWNLOAD_MAX_AGE_MS = 2 * 3600_000;

export interface UploadMeta {
  fileName: string;
  ext: 'xlsx' | 'csv';
  userId: number;
  size: number;
  createdAt: string;
}
export interface DownloadMeta {
  fileName: string;
  userId: number;
  createdAt: string;
}

export const newFileId = () => randomBytes(16).toString('hex');
const checkId = (id: string) => {
  if (!/^[0-9a-f]{32}$/.test(id)) throw NotFound();
  return id;
};

export function uploadPaths(dataDir: string, id: string) {
  const base = path.join(dataDir, 'imports', checkId(id));
  return { bytes: `${base}.bin`, meta: `${base}.json`, table: `${base}.table`, issues: `${base}.issues.json`, prepared: `${base}.prepared` };
}

export function downloadPaths(dataDir: string, id: string) {
  const base = path.join(dataDir, 'downloads', checkId(id));
  return { file: `${base}.bin`, meta: `${base}.json` };
}

/** The extension the importer reads, from the file name; anything else is refused. */
export function importExt(fileName: string): UploadMeta['ext'] {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new DomainError('INVALID_INPUT', 'import.errors.format', { fileName: 'import.errors.format' });
}

export async function saveUpload(dataDir: string, meta: UploadMeta, bytes: Buffer): Promise<string> {
  await removeOld(path.join(dataDir, 'imports'), UPLOAD_MAX_AGE_MS);
  const id = newFileId();
  const p = uploadPaths(dataDir, id);
  await fs.mkdir(path.dirname(p.bytes), { recursive: true });
  await fs.writeFile(p.bytes, bytes);
  await fs.writeFile(p.meta, JSON.stringify(meta));
  return id;
}

async function readMeta<T extends { userId: number }>(file: string, userId: number): Promise<T> {
  let meta: T;
  try {
    meta = JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    throw new DomainError('NOT_FOUND', 'import.errors.uploadGone');
  }
  if (meta.userId !== userId) throw new DomainError('NOT_FOUND', 'import.errors.uploadGone');
  return meta;
}

export const readUpload = (dataDir: string, id: string, userId: number) =>
  readMeta<UploadMeta>(uploadPaths(dataDir, id).meta, userId);

/** A new download slot: the worker writes `file`, then `commitDownload` records its owner. */
export async function newDownload(dataDir: string): Promise<{ id: string; file: string }> {
  await removeOld(path.join(dataDir, 'downloads'), DOWNLOAD_MAX_AGE_MS);
  const id = newFileId();
  const p = downloadPaths(dataDir, id);
  await fs.mkdir(path.dirname(p.file), { recursive: true });
  return { id, file: p.file };
}

export async function commitDownload(dataDir: string, id: string, meta: DownloadMeta): Promise<{ fileId: string; fileName: string; size: number }> {
  const p = downloadPaths(dataDir, id);
  await fs.writeFile(p.meta, JSON.stringify(meta));
  const { size } = await fs.stat(p.file);
  return { fileId: id, fileName: meta.fileName, size };
}

/** Pieces of this size (before base64) travel per customer.downloadFile call. */
export const DOWNLOAD_CHUNK = 8 * 1024 * 1024;

export async function readDownloadChunk(dataDir: string, id: string, userId: number, offset: number) {
  const p = downloadPaths(dataDir, id);
  await readMeta<DownloadMeta>(p.meta, userId);
  const handle = await fs.open(p.file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.max(0, Math.min(DOWNLOAD_CHUNK, size - offset));
    const buf = Buffer.alloc(length);
    if (length) await handle.read(buf, 0, length, offset);
    return { dataBase64: buf.toString('base64'), offset, size, done: offset + length >= size };
  } finally {
    await handle.close();
  }
}

async function removeOld(dir: string, maxAgeMs: number): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  const limit = Date.now() - maxAgeMs;
  await Promise.all(
    names.map(async (n) => {
      const f = path.join(dir, n);
      const st = await fs.stat(f).catch(() => null);
      if (st && st.mtimeMs < limit) await fs.rm(f, { force: true });
    }),
  );
}
