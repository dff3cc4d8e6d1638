import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FileCheck } from './check';
import { fsyncDir } from './copy';
import { BACKUP_TRIGGERS, type BackupTrigger } from './shared/backup.contract';

/**
 * Where backups lie and how they are named. `<dataDir>/backups/kehu-<UTC stamp>-<trigger>.sqlite`,
 * each with a manifest `<file>.json` written after its check: the damaged-start offer finds the
 * newest good backup from these without opening the database, and the list is rebuilt from them
 * after a restore. A copy being made has a temporary name (TEMP_SUFFIX), never listed; one
 * whose check failed is renamed aside (FAILED_SUFFIX) and kept for inspection, never offered.
 */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export const TEMP_SUFFIX = '.partial';
export const FAILED_SUFFIX = '.failed';
const NAME = /^kehu-(\d{8}T\d{9}Z)-([a-z]+)\.sqlite$/;

/** `kehu-20261130T212900123Z-manual.sqlite`: sorts by time, the stamp in UTC. */
export function backupFileName(at: Date, trigger: BackupTrigger): string {
  const stamp = at.toISOString().replace(/[-:.]/g, ''); // 20261130T212900123Z
  return `kehu-${stamp}-${trigger}.sqlite`;
}

/** The trigger and time a backup's name holds, null for any other file. */
export function parseBackupFileName(name: string): { at: string; trigger: BackupTrigger } | null {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_TRIGGERS as readonly string[]).includes(m[2])) return null;
  const s = m[1];
  const at = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return { at, trigger: m[2] as BackupTrigger };
}

export interface BackupManifest {
  /** the backup's file name in its folder (for a failed one, the name it was kept aside under) */
  fileName: string;
  at: string;
  trigger: BackupTrigger;
  sizeBytes: number;
  durationMs: number;
  schemaVersion: string | null;
  counts: Record<string, number>;
  check: 'ok' | 'failed';
  checkDetail: string | null;
}

export const manifestPath = (backupFile: string) => `${backupFile}.json`;

/** Writes the manifest beside its backup (temp name, synced, renamed: never half a manifest). */
export function writeManifest(dir: string, manifest: BackupManifest): void {
  const file = manifestPath(path.join(dir, manifest.fileName));
  const temp = `${file}${TEMP_SUFFIX}`;
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
  fs.renameSync(temp, file);
}

function isManifest(v: unknown): v is BackupManifest {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.fileName === 'string' &&
    typeof m.at === 'string' &&
    (BACKUP_TRIGGERS as readonly string[]).includes(m.trigger as string) &&
    (m.check === 'ok' || m.check === 'failed')
  );
}

/** The manifests in `dir` whose backup file is there, newest first; unreadable ones are skipped. */
export function readManifests(dir: string): BackupManifest[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const present = new Set(names);
  const out: BackupManifest[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite.json') && !name.endsWith(`.sqlite${FAILED_SUFFIX}.json`)) continue;
    try {
      const m: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      if (isManifest(m) && present.has(m.fileName) && `${m.fileName}.json` === name) out.push(m);
    } catch {
      // a manifest that cannot be read is not a backup the app can vouch for
    }
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * Removes what an interrupted backup left (a copy under its temporary name: the process was
 * killed mid-way). Called at start, before any backup runs. Returns the names removed.
 */
export function removeLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const gone: string[] = [];
  for (const name of names) {
    if (!name.includes(TEMP_SUFFIX)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    gone.push(name);
  }
  return gone;
}

/**
 * Puts a checked copy in its place: `temp` renamed to `name` (or aside as failed when its check
 * failed), the folder synced, its manifest written and synced. Returns the manifest.
 */
export function publishChecked(
  dir: string,
  temp: string,
  name: string,
  made: { at: Date; trigger: BackupTrigger; startedMs: number },
  check: FileCheck,
): BackupManifest {
  const fileName = check.ok ? name : `${name}${FAILED_SUFFIX}`;
  fs.renameSync(temp, path.join(dir, fileName));
  fsyncDir(dir);
  const manifest: BackupManifest = {
    fileName,
    at: made.at.toISOString(),
    trigger: made.trigger,
    sizeBytes: check.sizeBytes,
    durationMs: Math.round(performance.now() - made.startedMs),
    schemaVersion: check.schemaVersion,
    counts: check.counts,
    check: check.ok ? 'ok' : 'failed',
    checkDetail: check.ok ? null : [check.refusal, check.detail].filter(Boolean).join(': '),
  };
  writeManifest(dir, manifest);
  fsyncDir(dir);
  return manifest;
}
