import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Bytes stored once under their SHA-256 (`content/<hex>`), whatever the number of uploads or
 * downloads that hold them. A file appears under its hash name only whole and on disk: it is
 * written to a temporary name, flushed (fsync) and renamed, so a crash leaves either nothing or
 * the complete file under that name (a stray temporary file is swept later).
 */
const CONTENT_DIR = 'content';
const TMP_PREFIX = 'tmp-';
const SHA256 = /^[0-9a-f]{64}$/;

export const contentDir = (dataDir: string) => path.join(dataDir, CONTENT_DIR);

export function contentPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256');
  return path.join(contentDir(dataDir), sha256);
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The directory's entry for a renamed file on disk too (Windows cannot open a directory: NTFS journals renames). */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to `file` so that after a crash the file holds either its old content or all of `data`. */
export async function writeFileDurably(file: string, data: string | Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `${TMP_PREFIX}${randomBytes(8).toString('hex')}`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path.dirname(file));
}

/** Keeps an existing copy from the sweep's grace period: it is about to be referenced again. */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  return fs.utimes(file, now, now).then(
    () => true,
    () => false,
  );
}

/** Stores `bytes`; returns their hash. Identical bytes already stored are not written again. */
export async function putContent(dataDir: string, bytes: Buffer): Promise<string> {
  const sha256 = sha256Of(bytes);
  const target = contentPath(dataDir, sha256);
  if (await touch(target)) return sha256;
  await fs.mkdir(contentDir(dataDir), { recursive: true });
  await writeFileDurably(target, bytes);
  return sha256;
}

/** Moves a finished file (e.g. one a worker wrote) into the store; returns its hash and size. */
export async function putContentFile(dataDir: string, file: string): Promise<{ sha256: string; size: number }> {
  const handle = await fs.open(file, 'r+');
  let size: number;
  try {
    await handle.sync();
    size = (await handle.stat()).size;
  } finally {
    await handle.close();
  }
  const sha256 = await sha256OfFile(file);
  const target = contentPath(dataDir, sha256);
  if (await touch(target)) {
    await fs.rm(file, { force: true });
    return { sha256, size };
  }
  await fs.mkdir(contentDir(dataDir), { recursive: true });
  await fs.rename(file, target);
  await syncDir(contentDir(dataDir));
  return { sha256, size };
}

/**
 * Removes stored bytes no handle refers to any more, and temporary files of writes that never
 * finished. Anything touched within `graceMs` stays: a save may have stored its bytes and not
 * yet written the handle that refers to them.
 */
export async function sweepContent(dataDir: string, referenced: ReadonlySet<string>, graceMs: number): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(contentDir(dataDir));
  } catch {
    return;
  }
  const limit = Date.now() - graceMs;
  await Promise.all(
    names.map(async (n) => {
      if (referenced.has(n)) return;
      if (!SHA256.test(n) && !n.startsWith(TMP_PREFIX)) return;
      const f = path.join(contentDir(dataDir), n);
      const st = await fs.stat(f).catch(() => null);
      if (st && st.mtimeMs < limit) await fs.rm(f, { force: true });
    }),
  );
}
