import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidField, NotFound, Refused } from '../errors';
import { contentPath, putContent, putContentFile, sweepContent, writeFileDurably } from './content';

/**
 * Uploads (`imports/<id>.json`, plus what the import derives from them: `<id>.table`,
 * `<id>.issues.json`) and files made for the user to download
 * (`downloads/<id>.json`). Each is a handle: a random 128-bit hex id (no path can be smuggled
 * in), the user who made it, its name; its bytes live in the content store under their hash
 * (content.ts), shared by identical files. Old handles are removed as new ones arrive, and with
 * them bytes no handle refers to any more.
 */
const UPLOAD_MAX_AGE_MS = 24 * 3600_000;
const DOWNLOAD_MAX_AGE_MS = 2 * 3600_000;
/** Bytes stored this recently stay even unreferenced: their handle may be on its way. */
const CONTENT_GRACE_MS = 10 * 60_000;

interface UploadMeta {
  fileName: string;
  ext: string;
  userId: number;
  size: number;
  createdAt: string;
}
interface DownloadMeta {
  fileName: string;
  userId: number;
  createdAt: string;
}
/** What a handle's file records besides the caller's metadata. */
type Stored<T> = T & { sha256: string };

const newFileId = () => randomBytes(16).toString('hex');
const checkId = (id: string) => {
  if (!/^[0-9a-f]{32}$/.test(id)) throw NotFound();
  return id;
};

const HANDLE_FILE = /^[0-9a-f]{32}\.json$/;
const dirs = (dataDir: string) => ({
  uploads: path.join(dataDir, 'imports'),
  downloads: path.join(dataDir, 'downloads'),
});

export function uploadPaths(dataDir: string, id: string) {
  const base = path.join(dirs(dataDir).uploads, checkId(id));
  return { meta: `${base}.json`, table: `${base}.table`, issues: `${base}.issues.json` };
}

function downloadPaths(dataDir: string, id: string) {
  const base = path.join(dirs(dataDir).downloads, checkId(id));
  // `file` is where the bytes are written before commitDownload stores them by hash
  return { file: `${base}.part`, meta: `${base}.json` };
}

/** Stores an upload; once this resolves it survives a crash. `bytesFile` is where its bytes are. */
export async function saveUpload(
  dataDir: string,
  meta: UploadMeta,
  bytes: Buffer,
): Promise<{ id: string; bytesFile: string }> {
  await sweep(dataDir);
  const id = newFileId();
  const p = uploadPaths(dataDir, id);
  const sha256 = await putContent(dataDir, bytes);
  await fs.mkdir(path.dirname(p.meta), { recursive: true });
  await writeFileDurably(p.meta, JSON.stringify({ ...meta, sha256 } satisfies Stored<UploadMeta>));
  return { id, bytesFile: contentPath(dataDir, sha256) };
}

const gone = () => Refused('NOT_FOUND', 'import.errors.uploadGone');

/**
 * An upload arriving in pieces (`imports/<id>.part`, its owner in `<id>.part.json`): each piece is
 * appended where the previous one ended (a piece out of order is refused), so no call holds the
 * whole file; `saveUploadParts` then stores it as one upload. Unfinished ones age out.
 */
export async function appendUploadPart(
  dataDir: string,
  userId: number,
  partsId: string | undefined,
  offset: number,
  bytes: Buffer,
  maxBytes: number,
): Promise<{ partsId: string; size: number }> {
  const id = partsId ?? newFileId();
  const { part, owner } = partPaths(dataDir, id);
  if (partsId === undefined) {
    if (offset !== 0) throw Refused('CONFLICT', 'import.errors.uploadOrder');
    await sweep(dataDir);
    await fs.mkdir(path.dirname(part), { recursive: true });
    await fs.writeFile(owner, JSON.stringify({ userId }));
    await fs.writeFile(part, bytes);
    return { partsId: id, size: bytes.length };
  }
  await partOwner(dataDir, id, userId);
  const size = (await fs.stat(part)).size;
  if (offset !== size) throw Refused('CONFLICT', 'import.errors.uploadOrder');
  if (size + bytes.length > maxBytes) throw InvalidField('file', 'import.errors.tooLarge');
  await fs.appendFile(part, bytes);
  return { partsId: id, size: size + bytes.length };
}

function partPaths(dataDir: string, id: string) {
  const base = path.join(dirs(dataDir).uploads, checkId(id));
  return { part: `${base}.part`, owner: `${base}.part.json` };
}

async function partOwner(dataDir: string, id: string, userId: number): Promise<void> {
  const owner = await fs
    .readFile(partPaths(dataDir, id).owner, 'utf8')
    .then((t) => JSON.parse(t) as { userId?: unknown })
    .catch(() => null);
  if (owner?.userId !== userId) throw gone();
}

/** The pieces' size (for the caller's checks before it stores them); only for their owner. */
export async function uploadPartsSize(dataDir: string, partsId: string, userId: number): Promise<number> {
  await partOwner(dataDir, partsId, userId);
  return (await fs.stat(partPaths(dataDir, partsId).part)).size;
}

/** Stores the pieces as one upload (hashed while read, moved into the content store; no copy in memory). */
export async function saveUploadParts(
  dataDir: string,
  meta: UploadMeta,
  partsId: string,
): Promise<{ id: string; bytesFile: string }> {
  await partOwner(dataDir, partsId, meta.userId);
  const p = partPaths(dataDir, partsId);
  const { sha256 } = await putContentFile(dataDir, p.part);
  await fs.rm(p.owner, { force: true });
  const id = newFileId();
  await writeFileDurably(uploadPaths(dataDir, id).meta, JSON.stringify({ ...meta, sha256 } satisfies Stored<UploadMeta>));
  return { id, bytesFile: contentPath(dataDir, sha256) };
}

/** A handle's metadata, for its owner only; a handle of the layout before content hashes counts as gone. */
async function readMeta<T extends { userId: number }>(file: string, userId: number): Promise<Stored<T>> {
  let meta: Stored<T>;
  try {
    meta = JSON.parse(await fs.readFile(file, 'utf8')) as Stored<T>;
  } catch {
    throw gone();
  }
  if (meta.userId !== userId || typeof meta.sha256 !== 'string') throw gone();
  return meta;
}

/** An upload's metadata, and where its bytes are; only for the user who uploaded it. */
export async function readUpload(
  dataDir: string,
  id: string,
  userId: number,
): Promise<UploadMeta & { bytesFile: string; sha256: string }> {
  const { sha256, ...meta } = await readMeta<UploadMeta>(uploadPaths(dataDir, id).meta, userId);
  return { ...meta, sha256, bytesFile: contentPath(dataDir, sha256) };
}

/** A new download slot: the worker writes `file`, then `commitDownload` records its owner. */
export async function newDownload(dataDir: string): Promise<{ id: string; file: string }> {
  await sweep(dataDir);
  const id = newFileId();
  const p = downloadPaths(dataDir, id);
  await fs.mkdir(path.dirname(p.file), { recursive: true });
  return { id, file: p.file };
}

export async function commitDownload(
  dataDir: string,
  id: string,
  meta: DownloadMeta,
): Promise<{ fileId: string; fileName: string; size: number }> {
  const p = downloadPaths(dataDir, id);
  const { sha256, size } = await putContentFile(dataDir, p.file);
  await writeFileDurably(p.meta, JSON.stringify({ ...meta, sha256 } satisfies Stored<DownloadMeta>));
  return { fileId: id, fileName: meta.fileName, size };
}

/** Pieces of this size (before base64) travel per customer.downloadFile call. */
const DOWNLOAD_CHUNK = 8 * 1024 * 1024;

export async function readDownloadChunk(dataDir: string, id: string, userId: number, offset: number) {
  const { sha256 } = await readMeta<DownloadMeta>(downloadPaths(dataDir, id).meta, userId);
  const handle = await fs.open(contentPath(dataDir, sha256), 'r').catch(() => {
    throw gone();
  });
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

/** Files of handles past their age (the handle, what was derived from it, a download never finished). */
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

/** The hashes the remaining handles refer to. */
async function referencedContent(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => HANDLE_FILE.test(n))
      .map(async (n) => {
        const meta = await fs
          .readFile(path.join(dir, n), 'utf8')
          .then((t) => JSON.parse(t) as { sha256?: unknown })
          .catch(() => null);
        if (typeof meta?.sha256 === 'string') out.add(meta.sha256);
      }),
  );
  return out;
}

/**
 * The expiry sweep: handles past their age go, then the bytes no handle refers to. Files of the
 * layout before content hashes (`imports/<id>.bin`, `downloads/<id>.bin`) age out the same way.
 */
export async function sweep(dataDir: string): Promise<void> {
  const d = dirs(dataDir);
  await Promise.all([removeOld(d.uploads, UPLOAD_MAX_AGE_MS), removeOld(d.downloads, DOWNLOAD_MAX_AGE_MS)]);
  const [uploads, downloads] = await Promise.all([referencedContent(d.uploads), referencedContent(d.downloads)]);
  await sweepContent(dataDir, new Set([...uploads, ...downloads]), CONTENT_GRACE_MS);
}
