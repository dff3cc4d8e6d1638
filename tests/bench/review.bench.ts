import os from 'node:os';
import type { Sqlite } from '../../db/open';
import { type Actor, loadActor } from '../../electron/core/actor';
import { hashPassword } from '../../electron/core/auth/password';
import { FixedClock } from '../../electron/core/clock';
import type { Core } from '../../electron/core/core';
import { keepCandidates, listCandidates } from '../../electron/core/review/review.candidates';
import { REVIEW_RULES } from '../../electron/core/review/shared/review.rules';
import { listRuns } from '../../electron/core/review/review.runs';
import { candidateQuery, reviewStatus, startRun } from '../../electron/core/review/review.service';
import { DEFAULT_REVIEW_SETTINGS, updateReviewSettings } from '../../electron/core/review/review.settings';
import { openBenchDb } from './seed/bench-db';
import { sample, summarize } from './stats';

const log = (msg: string) => process.stderr.write(`[review] ${msg}\n`);

/** The bench's "now": the facts below are spread around it, so the share of hits never drifts. */
const NOW = '2026-01-05T01:00:00.000Z';
/** Bump when the facts change: the cached archive gets them again. */
const FACTS_KEY = 'bench.reviewFacts';
const FACTS_VERSION = 1;

/**
 * The seed leaves activity and contract dates alone, so they are set here, once per cached
 * archive, from a hash of the id: 10% without activity for more than a year (the rest within
 * the year), 30% with a contract end date between a year ago and four years ahead (6% ended).
 * Credit ratings are the seed's (D ≈ 10%).
 */
function ensureFacts(sqlite: Sqlite): number {
  const stored = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(FACTS_KEY) as
    | string
    | undefined;
  if (stored && JSON.parse(stored).version === FACTS_VERSION) return 0;
  log('setting activity and contract dates on every customer');
  const t0 = performance.now();
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `UPDATE customers SET
          last_activity_at = strftime('%Y-%m-%dT%H:%M:%fZ', @now,
            printf('-%d days', CASE WHEN (id * 2654435761) % 1000 < 900 THEN ((id * 2654435761) % 1000) * 364 / 900
                                    ELSE 366 + ((id * 2654435761) % 1000 - 900) * 15 END),
            printf('-%d seconds', id % 86400)),
          contract_end_date = CASE WHEN (id * 40503 + 17) % 1000 < 300
            THEN date(@now, printf('%+d days', ((id * 40503 + 17) % 1000) * 1825 / 300 - 365)) END`,
      )
      .run({ now: NOW });
    sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(FACTS_KEY, JSON.stringify({ version: FACTS_VERSION }), NOW);
  })();
  sqlite.exec('ANALYZE customers');
  return (performance.now() - t0) / 1000;
}

/** A signed-in administrator to run the review as (the seeded salespeople cannot sign in). */
async function benchActor(core: Core): Promise<Actor> {
  let id = core.sqlite.prepare(`SELECT id FROM users WHERE username = 'bench'`).pluck().get() as number | undefined;
  if (id == null) {
    id = Number(
      core.sqlite
        .prepare(
          `INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('bench', 'Bench', ?, ?, ?)`,
        )
        .run(await hashPassword('bench-password'), NOW, NOW).lastInsertRowid,
    );
    core.sqlite
      .prepare(`INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE code = 'admin'`)
      .run(id);
  }
  const actor = loadActor(core, id);
  if (!actor) throw new Error('bench user missing');
  return actor;
}

/** Review data of earlier bench runs (the operation log is append-only and keeps its rows). */
function clearReview(sqlite: Sqlite): void {
  sqlite.exec('DELETE FROM review_candidates; DELETE FROM review_keeps; DELETE FROM review_runs;');
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

/**
 * 停用审查 over KEHU_BENCH_ROWS customers (default 1,000,000): review.start (close the current
 * run, run every rule, store the candidates, one transaction) KEHU_BENCH_REVIEW_RUNS times
 * (default 5) after one warm-up; then the review page's reads and a keep of 500 candidates.
 */
export async function reviewBench() {
  const rows = Number(process.env.KEHU_BENCH_ROWS ?? 1_000_000);
  const runs = Number(process.env.KEHU_BENCH_REVIEW_RUNS ?? 5);
  const bench = await openBenchDb(rows, log);
  const core: Core = { ...bench.core, clock: new FixedClock(NOW) };
  try {
    const factsSeconds = ensureFacts(core.sqlite);
    clearReview(core.sqlite);
    const actor = await benchActor(core);
    const ratingD = core.sqlite
      .prepare(`SELECT id FROM lookups WHERE kind = 'creditRating' AND name = 'D'`)
      .pluck()
      .get() as number;
    const d = DEFAULT_REVIEW_SETTINGS;
    updateReviewSettings(core, actor, {
      ...d,
      rules: { ...d.rules, creditRating: { enabled: true, ratingId: ratingD } },
    });

    const q = candidateQuery(core, 0);
    const plan = (core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map(
      (r) => r.detail,
    );

    log(`review.start × ${runs} (+1 warm-up)`);
    const loadBefore = os.loadavg()[0];
    const queryMs: number[] = [];
    let last = startRun(core, actor);
    const starts = summarize(
      await sample(runs, 0, async () => {
        last = startRun(core, actor);
        queryMs.push(last.durationMs);
      }),
    );
    const byRule = Object.fromEntries(
      REVIEW_RULES.filter((r) => last.rules.includes(r.key)).map((r) => [
        r.key,
        core.sqlite
          .prepare('SELECT count(*) FROM review_candidates WHERE run_id = ? AND rule_mask & ? <> 0')
          .pluck()
          .get(last.id, r.bit),
      ]),
    );

    log('review page reads');
    const page = async (input: object, n = 10) =>
      summarize(
        await sample(n, 1, async () =>
          listCandidates(core, { decision: 'open', offset: 0, limit: 50, ...input } as never),
        ),
      );
    const reads = {
      status: summarize(await sample(20, 2, async () => reviewStatus(core))),
      runs_first_page: summarize(await sample(20, 2, async () => listRuns(core, 1, 20))),
      candidates_default_sort: await page({}),
      candidates_by_code: await page({ sort: { field: 'code', order: 'asc' } }),
      candidates_by_name: await page({ sort: { field: 'name', order: 'asc' } }),
      candidates_by_last_activity: await page({ sort: { field: 'lastActivityAt', order: 'asc' } }),
      candidates_contract_rule_by_end_date: await page({
        rule: 'contractEnded',
        sort: { field: 'contractEndDate', order: 'desc' },
      }),
      candidates_offset_100k: await page({ offset: 100_000, sort: { field: 'code', order: 'asc' } }),
    };
    const ids = listCandidates(core, { decision: 'open', offset: 0, limit: 500 }).items.map((c) => c.customerId);
    let t0 = performance.now();
    keepCandidates(core, actor, { runId: last.id, customerIds: ids, note: 'bench' });
    const keep500Ms = ms(t0);
    t0 = performance.now();
    clearReview(core.sqlite);
    const clearMs = ms(t0);

    const loadAfter = os.loadavg()[0];
    const sorted = [...queryMs].sort((a, b) => a - b);
    return {
      rows,
      database: {
        reused_cached_file: bench.reused,
        dir: bench.dir,
        seed_seconds: Math.round(bench.seedSeconds),
        facts_setup_seconds: Math.round(factsSeconds * 10) / 10,
      },
      // other work on the machine shows in the figures: the 1-minute load average before and after
      load_average_1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
      now: NOW,
      rules: last.rules,
      goal: 'p50 < 2000 ms for review.start over the whole archive (close the last run, run every rule, store the candidates)',
      goal_met: starts.p50_ms < 2000,
      start: starts,
      candidate_query_p50_ms: sorted[Math.floor(sorted.length / 2)],
      candidate_count: last.candidateCount,
      candidate_share: Math.round((last.candidateCount / rows) * 1000) / 1000,
      candidates_by_rule: byRule,
      plan,
      reads,
      keep_500_ms: keep500Ms,
      clear_review_tables_ms: clearMs,
    };
  } finally {
    bench.core.sqlite.close();
  }
}
