import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/core';
import { benchDbFile } from './seed/bench-db';

/** Bump when the rows below change: the cached archive is built again. */
const SETTLEMENT_SEED_VERSION = 3;
/** The bench's today: vouchers are spread over the two years before it. */
export const BENCH_TODAY = '2026-12-01';
export const BENCH_NOW = `${BENCH_TODAY}T02:00:00.000Z`;
export const VOUCHERS_PER_CUSTOMER = 10;

const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : `${n}`);

/**
 * 10 approved vouchers and 10 payments per customer, set-based (INSERT … SELECT, not the channels),
 * with what the channels would leave: voucher i of customer c is dated up to two years before
 * BENCH_TODAY, due 30 days later, 10.00–1 000.00 元; its payment 15 days later (at most today):
 * 85% pay it in full (allocated; the voucher settled), 10% half (allocated; still open),
 * 5% a quarter as an advance (预收, unallocated; the voucher fully open). Ledger rows: +total per
 * voucher on its date, −amount per payment on its date.
 */
function seedSettlement(db: Database.Database, firstId: number, customers: number): void {
  const n = customers * VOUCHERS_PER_CUSTOMER;
  db.exec(`CREATE TEMP TABLE gen AS
    WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${n}),
    v AS (SELECT i, ${firstId} + (i - 1) % ${customers} AS cust,
            date('${BENCH_TODAY}', printf('-%d days', ((i - 1) / ${customers}) * 73 + (i * 37) % 73)) AS d,
            1000 + (i * 7919) % 99000 AS total, ((i * 2654435761) % 4294967296) / 42949673 AS h FROM s)
    SELECT i, cust, d, date(d, '+30 days') AS due, total, h,
      min(date(d, '+15 days'), '${BENCH_TODAY}') AS pd,
      CASE WHEN h < 85 THEN total WHEN h < 95 THEN total / 2 ELSE total / 4 END AS pay
    FROM v`);
  const at = BENCH_NOW;
  db.exec(`INSERT INTO settlement_vouchers (id, no, client_id, kind, status, customer_id, date, due_date, evidence_type,
      amount_cents, tax_cents, total_cents, submitted_at, approved_at, created_at, updated_at)
    SELECT i, printf('LS%s-%07d', replace(d, '-', ''), i), 'bench-v-' || i, 'normal', CASE WHEN h < 85 THEN 'settled' ELSE 'approved' END,
      cust, d, due, 'contract', total, 0, total, '${at}', '${at}', '${at}', '${at}' FROM gen ORDER BY i`);
  db.exec(`INSERT INTO settlement_payments (id, no, client_id, customer_id, date, amount_cents, created_at, updated_at)
    SELECT i, printf('SK%s-%07d', replace(pd, '-', ''), i), 'bench-p-' || i, cust, pd, pay, '${at}', '${at}' FROM gen ORDER BY i`);
  db.exec(`INSERT INTO settlement_allocations (voucher_id, payment_id, amount_cents, date, at)
    SELECT i, i, pay, pd, '${at}' FROM gen WHERE h < 95 ORDER BY i`);
  db.exec(`INSERT INTO settlement_ledger (entry_key, customer_id, date, kind, amount_cents, voucher_id, payment_id, at)
    SELECT 'voucher:' || i, cust, d, 'voucher', total, i, NULL, '${at}' FROM gen
    UNION ALL SELECT 'payment:' || i, cust, pd, 'payment', -pay, NULL, i, '${at}' FROM gen`);
  db.exec('DROP TABLE temp.gen');
}

/**
 * The cached archive: the seeded customers (tests/bench/seed, cached by benchDbFile) plus the
 * settlement rows, under os.tmpdir()/kehu-bench-settlement-<customers>/, rebuilt when the
 * customers' cache or this seed changes. Returns its folder and how long building took (0 if reused).
 */
export async function settlementBenchDir(
  customers: number,
  log: (msg: string) => void,
): Promise<{ dir: string; buildSeconds: number }> {
  const base = await benchDbFile(customers, log);
  const baseKey = fs.readFileSync(path.join(path.dirname(base), 'seed-key.json'), 'utf8');
  const key = createHash('sha256')
    .update(`${baseKey}\nsettlement v${SETTLEMENT_SEED_VERSION}`)
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(os.tmpdir(), `kehu-bench-settlement-${label(customers)}`);
  const keyFile = path.join(dir, 'seed-key.json');
  const saved = fs.existsSync(keyFile) ? (JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { key: string }) : null;
  if (saved?.key === key && fs.existsSync(path.join(dir, DB_FILE_NAME))) {
    log(`reusing ${dir}`);
    return { dir, buildSeconds: 0 };
  }
  log(`building ${customers * VOUCHERS_PER_CUSTOMER} vouchers and payments in ${dir}`);
  const t0 = performance.now();
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  fs.copyFileSync(base, path.join(building, DB_FILE_NAME));
  const db = new Database(path.join(building, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  const ids = db.prepare('SELECT min(id) AS first, count(*) AS n FROM customers').get() as { first: number; n: number };
  if (ids.n !== customers) throw new Error(`expected ${customers} customers, found ${ids.n}`);
  db.transaction(() => seedSettlement(db, ids.first, customers))();
  log('analysing');
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(building, dir);
  const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;
  fs.writeFileSync(keyFile, JSON.stringify({ key, customers, buildSeconds }));
  return { dir, buildSeconds };
}
