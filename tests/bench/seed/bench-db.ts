import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, DB_FILE_NAME, openCore } from '../../../electron/core/core';
import { finishBulkLoad, SEED_VERSION, seedCustomers } from './seed';

const ROOT = path.resolve(__dirname, '../../..');
const MIGRATIONS = path.join(ROOT, 'db/migrations');

/** What the cached database depends on: a change to any of these rebuilds it. */
const INPUTS = [
  'electron/core/customers/search/indexer.ts',
  'electron/core/customers/search/fts-text.ts',
  'electron/core/customers/search/pinyin.ts',
  'tests/bench/seed/generate.ts',
  'tests/bench/seed/seed.ts',
  'tests/bench/seed/vocabulary.ts',
];

function cacheKey(rows: number): string {
  const h = createHash('sha256').update(`seed v${SEED_VERSION} rows ${rows}\n`);
  for (const f of fs
    .readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(f).update(fs.readFileSync(path.join(MIGRATIONS, f)));
  }
  for (const f of INPUTS) h.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

const label = (rows: number) =>
  rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : `${rows}`;

export interface BenchDb {
  core: Core;
  dir: string;
  reused: boolean;
  seedSeconds: number;
  finishSeconds: number;
  bytes: number;
}

/**
 * A migrated database of `rows` seeded customers under os.tmpdir()/kehu-bench-<rows>/, reused
 * while the seed, indexer and migrations are unchanged (the key file names their hash).
 */
export async function openBenchDb(rows: number, log: (msg: string) => void): Promise<BenchDb> {
  const dir = path.join(os.tmpdir(), `kehu-bench-${label(rows)}`);
  const keyFile = path.join(dir, 'seed-key.json');
  const key = cacheKey(rows);
  const saved = fs.existsSync(keyFile)
    ? (JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { key: string; seedSeconds: number; finishSeconds: number })
    : null;
  let reused = saved?.key === key && fs.existsSync(path.join(dir, DB_FILE_NAME));
  let seedSeconds = saved?.seedSeconds ?? 0;
  let finishSeconds = saved?.finishSeconds ?? 0;

  if (!reused) {
    log(`building ${rows} customers in ${dir} (key ${key})`);
    const building = `${dir}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(building, { recursive: true });
    const core = await openCore({ dataDir: building, migrationsFolder: MIGRATIONS });
    core.sqlite.pragma('synchronous = OFF');
    core.sqlite.pragma('cache_size = -1000000');
    const t0 = performance.now();
    let last = t0;
    seedCustomers(core.sqlite, {
      count: rows,
      batch: 20_000,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last > 5000 || done === total) {
          last = now;
          log(`seeded ${done}/${total} in ${((now - t0) / 1000).toFixed(0)} s`);
        }
      },
    });
    seedSeconds = (performance.now() - t0) / 1000;
    log('merging FTS segments and analysing');
    const t1 = performance.now();
    finishBulkLoad(core.sqlite);
    finishSeconds = (performance.now() - t1) / 1000;
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    core.sqlite.close();
    fs.renameSync(building, dir);
    fs.writeFileSync(keyFile, JSON.stringify({ key, rows, seedSeconds, finishSeconds }));
    reused = false;
  } else {
    log(`reusing ${dir}`);
  }
  const core = await openCore({ dataDir: dir, migrationsFolder: MIGRATIONS });
  core.sqlite.pragma('cache_size = -500000');
  return { core, dir, reused, seedSeconds, finishSeconds, bytes: fs.statSync(path.join(dir, DB_FILE_NAME)).size };
}

/**
 * The cached database file of `rows` customers, for a bench that copies it (and so never writes
 * into the cache): built first, through openBenchDb, only when missing or out of date.
 */
export async function benchDbFile(rows: number, log: (msg: string) => void): Promise<string> {
  const dir = path.join(os.tmpdir(), `kehu-bench-${label(rows)}`);
  const keyFile = path.join(dir, 'seed-key.json');
  const saved = fs.existsSync(keyFile) ? (JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { key: string }) : null;
  if (saved?.key !== cacheKey(rows) || !fs.existsSync(path.join(dir, DB_FILE_NAME))) {
    const built = await openBenchDb(rows, log);
    built.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    built.core.sqlite.close();
  }
  return path.join(dir, DB_FILE_NAME);
}
