import fs from 'node:fs';
import path from 'node:path';

/**
 * The network folder's files (the CA's and the server's keys and certificates), written durably:
 * to a temporary name, flushed, renamed over the old one, the folder flushed. A kill at any moment
 * leaves the old file or the new one, whole. Keys are readable by the app's user only.
 */

/** The folder, made if absent, open to the app's user only (0o700; Windows ignores modes). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Writes `text` to `file` durably, with the given mode (0o600 for a key). */
export function writeDurably(file: string, text: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, text, { mode, flush: true });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(file));
}

/** The file's text, or null when it is absent or unreadable. */
export function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return; // Windows cannot open a folder: its rename is durable by itself
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL where folders are not synced
  } finally {
    fs.closeSync(fd);
  }
}
