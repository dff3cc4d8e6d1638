import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as service from '../../../electron/core/backup/backup.service';
import { backupsDir, readManifests, TEMP_SUFFIX } from '../../../electron/core/backup/files';
import { closeCore, openCore } from '../../../electron/core/core';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { inlineReads } from '../../../electron/core/reads/pool';
import { MIGRATIONS, tempDir } from '../support/test-core';
import { addFiller, writePair } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const open = (dataDir: string) => openCore({ dataDir, migrationsFolder: MIGRATIONS, jobs: inlineJobs(), reads: inlineReads() });

/** Runs kill-child.ts and SIGKILLs it as soon as it says its copy has begun. Returns what it printed. */
function killMidBackup(dataDir: string): Promise<string> {
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  const child = spawn(process.execPath, ['--require', tsx, path.join(__dirname, 'kill-child.ts'), dataDir, MIGRATIONS], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('copying')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out));
  });
}

describe('a process killed while it takes a backup', () => {
  it('leaves the data intact, lists no half file, and its leftover is removed at the next start', async () => {
    const dataDir = tempDir('kehu-kill-');
    dirs.push(dataDir);
    const core = await open(dataDir);
    addFiller(core, 96);
    for (let i = 0; i < 50; i++) writePair(core.sqlite, 'testBefore', core.clock.now().toISOString());
    const rowsBefore = core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get();
    closeCore(core);

    const out = await killMidBackup(dataDir);
    expect(out).toContain('copying');
    expect(out).not.toContain('finished'); // killed before the backup was made

    const dir = backupsDir(dataDir);
    const leftovers = fs.readdirSync(dir).filter((n) => n.includes(TEMP_SUFFIX));
    expect(leftovers.length).toBeGreaterThan(0); // it was killed mid-way
    expect(readManifests(dir)).toEqual([]);

    const src = new Database(path.join(dataDir, 'kehu.sqlite'), { readonly: true });
    expect(src.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(src.prepare('SELECT count(*) FROM operation_log').pluck().get()).toBe(rowsBefore);
    src.close();

    const again = await open(dataDir);
    try {
      service.syncWithFolder(again); // what the first tick (or backup) of a new start does
      expect(fs.readdirSync(dir).filter((n) => n.includes(TEMP_SUFFIX))).toEqual([]);
      expect(service.list(again).backups).toEqual([]);
      const entry = await service.takeBackup(again, 'manual', null);
      expect(entry.check).toBe('ok');
    } finally {
      closeCore(again);
    }
  }, 120_000);
});
