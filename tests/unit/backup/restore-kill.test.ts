import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCore, DB_FILE_NAME, openCore, openCoreOrFault } from '../../../electron/core/core';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { inlineReads } from '../../../electron/core/reads/pool';
import { MIGRATIONS, TestClient, tempDir } from '../support/test-core';
import { addCustomers, customerNames, databaseFile } from './restore-support';

// A restore killed at any moment leaves either the old data or the restored data, whole: a child
// process restores and is SIGKILLed at each step of the swap, and at random moments; the restart
// (openCoreOrFault, as the app starts) opens an intact database holding one of the two.
const CHILD = path.join(__dirname, 'restore-kill.child.ts');
const OLD = ['旧数据甲', '旧数据乙', '旧数据丙'];
const RESTORED = ['恢复来源的客户'];
const RANDOM_KILLS = 4;

const dirs: string[] = [];
let template = '';
let source = '';
beforeAll(async () => {
  template = tempDir('kehu-kill-tpl-');
  dirs.push(template);
  const core = await openCore({
    dataDir: template,
    migrationsFolder: MIGRATIONS,
    reads: inlineReads(),
    jobs: inlineJobs(),
  });
  const admin = new TestClient(core);
  await admin.ok('auth.setup', { username: 'admin', displayName: '系统管理员', password: 'admin-pass-1' });
  await addCustomers(admin, OLD);
  closeCore(core);
  source = await databaseFile(dirs, MIGRATIONS, RESTORED);
});
afterAll(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Run {
  out: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms from the child's "ready" to its end */
  ranMs: number;
}

/** Runs the child on a fresh copy of the data folder; `killAfterMs` kills it that long after it is ready. */
function runChild(dataDir: string, opts: { killAt?: string; killAfterMs?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, source, MIGRATIONS, opts.killAt ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let readyAt = 0;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (!readyAt && out.includes('ready\n')) {
        readyAt = performance.now();
        if (opts.killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs);
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ out, code, signal, ranMs: readyAt ? performance.now() - readyAt : 0 });
    });
  });
}

function freshCopy(): string {
  const d = tempDir('kehu-kill-');
  dirs.push(d);
  fs.cpSync(template, d, { recursive: true });
  return d;
}

/** As the app restarts: the data opens without a fault, passes integrity_check, and is the old or the restored. */
async function afterRestart(dataDir: string): Promise<'old' | 'restored'> {
  const core = await openCoreOrFault({
    dataDir,
    migrationsFolder: MIGRATIONS,
    reads: inlineReads(),
    jobs: inlineJobs(),
  });
  try {
    expect(core.fault).toBeNull();
    expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = customerNames(core.sqlite);
    expect([OLD, RESTORED]).toContainEqual(names);
    expect(fs.existsSync(path.join(dataDir, `${DB_FILE_NAME}.restoring`))).toBe(false);
    return names.length === OLD.length ? 'old' : 'restored';
  } finally {
    closeCore(core);
  }
}

describe('a restore killed at any moment', () => {
  it('at each step of the swap: before the rename the old data, from it the restored data', async () => {
    const seen: Record<string, string> = {};
    for (const step of ['copied', 'closed', 'renamed', 'reopened']) {
      const dir = freshCopy();
      const run = await runChild(dir, { killAt: step });
      expect(run.signal).toBe('SIGKILL');
      seen[step] = await afterRestart(dir);
    }
    expect(seen).toEqual({ copied: 'old', closed: 'old', renamed: 'restored', reopened: 'restored' });
  }, 180_000);

  it('at random moments: always one of the two, intact; a restore that said done holds the restored data', async () => {
    const full = await runChild(freshCopy(), {});
    expect(full.out).toContain('done');
    const outcomes: string[] = [];
    for (let i = 0; i < RANDOM_KILLS; i++) {
      const dir = freshCopy();
      const run = await runChild(dir, { killAfterMs: Math.random() * full.ranMs * 1.2 });
      const found = await afterRestart(dir);
      if (run.out.includes('done') || run.out.includes('step renamed')) expect(found).toBe('restored');
      if (!run.out.includes('step closed')) expect(found).toBe('old');
      outcomes.push(found);
    }
    expect(outcomes).toHaveLength(RANDOM_KILLS);
  }, 180_000);
});
