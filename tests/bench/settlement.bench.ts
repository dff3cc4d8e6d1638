import os from 'node:os';
import path from 'node:path';
import type { Sqlite } from '../../db/open';
import { hashPassword } from '../../electron/core/auth/password';
import { addDays, FixedClock } from '../../electron/core/clock';
import { type Core, openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import type { TransportCtx } from '../../electron/core/handler';
import { inlineReads } from '../../electron/core/reads/pool';
import { balanceCents } from '../../electron/core/settlement/ledger';
import type { Channel, ChannelInput } from '../../electron/core/shared/contract';
import { BENCH_NOW, BENCH_TODAY, settlementBenchDir } from './settlement-data';
import { agingRows, agingSql, agingTotalsSql, balancesSql, bounds, firstScreen, statementOf } from './settlement-sql';
import { sample, summarize } from './stats';

// KEHU_SETTLEMENT_CUSTOMERS: a smaller archive for a trial run (default 100,000: 1,000,000 vouchers and payments)
const CUSTOMERS = Number(process.env.KEHU_SETTLEMENT_CUSTOMERS ?? 100_000);
const FULL = CUSTOMERS >= 100_000;
const log = (msg: string) => process.stderr.write(`[settlement] ${msg}\n`);
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The median of a few runs of a long pass (ms). */
async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const s = summarize(await sample(runs, 1, async () => fn()));
  return s.p50_ms;
}

/** A signed-in administrator's session on the core (the seeded salespeople cannot sign in). */
async function benchSession(core: Core): Promise<TransportCtx> {
  const at = BENCH_NOW;
  let id = core.sqlite.prepare(`SELECT id FROM users WHERE username = 'bench'`).pluck().get() as number | undefined;
  if (id == null) {
    id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('bench', 'Bench', ?, ?, ?)`,
        )
        .run(await hashPassword('bench-password'), at, at).lastInsertRowid,
    );
    core.sqlite
      .prepare(`INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE code = 'admin'`)
      .run(id);
  }
  const session: TransportCtx = {
    sessionToken: null,
    setSessionToken(t) {
      this.sessionToken = t;
    },
  };
  const r = await dispatch(core, 'auth.login', { username: 'bench', password: 'bench-password' }, session);
  if (!r.ok) throw new Error(`login: ${JSON.stringify(r.error)}`);
  return session;
}

/**
 * Through the dispatcher when the channel's handler is built (the core helpers' work): its p95,
 * or why not. The SQL figures beside them are what those handlers are to run.
 */
async function viaChannel<C extends Channel>(
  core: Core,
  session: TransportCtx,
  channel: C,
  inputs: () => ChannelInput<C>,
  n: number,
) {
  const call = async () => {
    const r = await dispatch(core, channel, inputs(), session);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  try {
    await call();
  } catch (err) {
    return { measured: false, why: err instanceof Error ? err.message.slice(0, 200) : String(err) };
  }
  return { measured: true, ...summarize(await sample(n, 3, call)) };
}

/**
 * 无票结算 at 100,000 customers with 1,000,000 approved vouchers and 1,000,000 payments (900,000
 * allocations, 2,000,000 ledger rows): a customer's balance, aging over all customers, a
 * customer-year statement and the receivables page's first screen, each beside a same-run
 * baseline (a full scan, a per-customer loop) and the load average before and after.
 */
export async function settlementBench() {
  const loadBefore = load();
  const { dir, buildSeconds } = await settlementBenchDir(CUSTOMERS, log);
  const core = await openCore({
    dataDir: dir,
    migrationsFolder: path.resolve(__dirname, '../../db/migrations'),
    clock: new FixedClock(BENCH_NOW),
    reads: inlineReads(),
  });
  core.sqlite.pragma('cache_size = -500000');
  try {
    const db: Sqlite = core.sqlite;
    const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    let k = 0;
    const nextId = () => ids[(k++ * 7919) % ids.length];
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM settlement_vouchers) AS vouchers, (SELECT count(*) FROM settlement_payments) AS payments,
          (SELECT count(*) FROM settlement_allocations) AS allocations, (SELECT count(*) FROM settlement_ledger) AS ledger,
          (SELECT count(*) FROM settlement_vouchers WHERE status = 'approved') AS open_vouchers`,
      )
      .get();

    // a customer's balance: the SQL sum over the covering index, against the same sum by a full scan
    const balance = summarize(await sample(2_000, 100, async () => balanceCents(db, nextId())));
    const scan = db
      .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger NOT INDEXED WHERE customer_id = ?')
      .pluck();
    const balanceScan = summarize(await sample(3, 0, async () => scan.get(nextId())));

    // aging over all customers, as of today: open vouchers by bucket, and every balance (for the advances)
    const aging = db.prepare(agingSql('today'));
    const balances = db.prepare(balancesSql);
    const asOf = { asOf: BENCH_TODAY, ...bounds(BENCH_TODAY) };
    const agingMs = await medianMs(3, () => aging.all(asOf));
    const balancesMs = await medianMs(3, () => balances.all({ asOf: BENCH_TODAY }));
    const agingCustomers = (aging.all(asOf) as unknown[]).length;
    const past = addDays(BENCH_TODAY, -180);
    const agingPast = db.prepare(agingSql('past'));
    const agingPastMs = await medianMs(1, () => agingPast.all({ asOf: past, ...bounds(past) }));
    const loopMs = await medianMs(1, () => agingRows(db, ids, BENCH_TODAY));

    // a customer-year statement
    const from = addDays(BENCH_TODAY, -365);
    const statement = summarize(await sample(500, 20, async () => statementOf(db, nextId(), from, BENCH_TODAY, false)));
    const statementScan = summarize(await sample(3, 0, async () => statementOf(db, nextId(), from, BENCH_TODAY, true)));

    // the receivables page's first screen: aging page 1 (50 rows, by customer code) with the totals and the count
    const totals = db.prepare(agingTotalsSql);
    const screen = summarize(await sample(10, 2, async () => firstScreen(db, asOf)));
    const totalsMs = await medianMs(3, () => totals.get(asOf));

    const session = await benchSession(core);
    const channels = {
      'settlement.customer': await viaChannel(
        core,
        session,
        'settlement.customer',
        () => ({ customerId: nextId() }),
        500,
      ),
      'settlement.aging': await viaChannel(core, session, 'settlement.aging', () => ({ page: 1, pageSize: 50 }), 10),
      'settlement.statement': await viaChannel(
        core,
        session,
        'settlement.statement',
        () => ({ customerId: nextId(), from, to: BENCH_TODAY }),
        200,
      ),
    };
    const agingPassMs = r2(agingMs + balancesMs);
    return {
      archive: { customers: ids.length, ...(counts as object), build_seconds: buildSeconds },
      balance: {
        ...balance,
        baseline_full_scan: balanceScan,
        goal: 'p95 ≤ 5 ms',
        goal_met: FULL && balance.p95_ms <= 5,
      },
      aging_all_customers: {
        ms: agingPassMs,
        open_vouchers_by_bucket_ms: agingMs,
        balances_per_customer_ms: balancesMs,
        customers_with_open: agingCustomers,
        as_of_180_days_ago_ms: agingPastMs,
        baseline_per_customer_loop_ms: loopMs,
        goal: 'aging over all customers (open vouchers by bucket + balances) ≤ 1 s',
        goal_met: FULL && agingPassMs <= 1000,
      },
      statement_customer_year: {
        ...statement,
        baseline_full_scan: statementScan,
        goal: 'p95 ≤ 50 ms',
        goal_met: FULL && statement.p95_ms <= 50,
      },
      receivables_first_screen: {
        ...screen,
        totals_alone_ms: totalsMs,
        baseline_full_aging_ms: agingPassMs,
        goal: 'p95 ≤ 100 ms (aging page 1 of 50 rows + totals + count)',
        goal_met: FULL && screen.p95_ms <= 100,
      },
      through_the_dispatcher: channels,
      load_average: { before: loadBefore, after: load() },
    };
  } finally {
    await core.reads.close();
    core.sqlite.close();
  }
}
