import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../../electron/core/auth/password';
import { DB_FILE_NAME } from '../../electron/core/core';

export const SCAN_USER = { username: 'scanbench', password: 'scanbench-pass-1', displayName: '盘点测速' };

/** Customer `id`'s barcode in the bench: 13 characters, like an EAN-13 label (KH + 11 digits). */
export const benchCode = (id: number) => `KH${String(id).padStart(11, '0')}`;

/**
 * A data folder holding a copy of the cached archive (never written), its customers' codes made
 * 13 characters long in one statement, and an administrator for the bench.
 */
export async function prepareScanDataDir(cacheFile: string): Promise<{ dir: string; customers: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-scan-bench-'));
  const target = path.join(dir, DB_FILE_NAME);
  fs.copyFileSync(cacheFile, target);
  if (fs.existsSync(`${cacheFile}-wal`)) fs.copyFileSync(`${cacheFile}-wal`, `${target}-wal`);
  const db = new Database(target);
  try {
    db.pragma('synchronous = FULL');
    db.prepare(`UPDATE customers SET code = 'KH' || printf('%011d', id)`).run();
    const at = new Date().toISOString();
    const id = db
      .prepare('INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(SCAN_USER.username, SCAN_USER.displayName, await hashPassword(SCAN_USER.password), at, at).lastInsertRowid;
    db.prepare(`INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE code = 'admin'`).run(id);
    const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { dir, customers };
  } finally {
    db.close();
  }
}

export interface ScanTally {
  typed: number;
  stored: number;
  /** typed codes with fewer stored scans than typed */
  lost: number;
  /** stored scans of a code shorter than any typed (a scan cut in two) */
  split: number;
  /** stored scans of a code longer than any typed (two scans run together) */
  merged: number;
  /** stored scans beyond the times a code was typed */
  doubled: number;
  /** stored codes of the typed length that were never typed (garbled characters) */
  garbled: number;
  examples: string[];
}

/** Compares the codes typed with the codes stored (both in any order): what went missing or wrong. */
export function tallyScans(typed: readonly string[], stored: readonly string[]): ScanTally {
  const count = (xs: readonly string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const t = count(typed);
  const s = count(stored);
  const len = new Set(typed.map((c) => c.length));
  const out: ScanTally = { typed: typed.length, stored: stored.length, lost: 0, split: 0, merged: 0, doubled: 0, garbled: 0, examples: [] };
  const note = (what: string) => {
    if (out.examples.length < 10) out.examples.push(what);
  };
  for (const [code, n] of t) {
    const got = s.get(code) ?? 0;
    if (got < n) {
      out.lost += n - got;
      note(`lost ${code} ×${n - got}`);
    } else if (got > n) {
      out.doubled += got - n;
      note(`doubled ${code} ×${got - n}`);
    }
  }
  const maxLen = Math.max(0, ...len);
  const minLen = Math.min(...len);
  for (const [code, n] of s) {
    if (t.has(code)) continue;
    if (code.length < minLen) out.split += n;
    else if (code.length > maxLen) out.merged += n;
    else out.garbled += n;
    note(`stored ${code} ×${n}, never typed`);
  }
  return out;
}
