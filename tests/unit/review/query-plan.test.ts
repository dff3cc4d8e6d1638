import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateQuery } from '../../../electron/core/review/review.service';
import { seedCustomers } from '../../bench/seed/seed';
import { inlineRunner, makeEnv, type TestEnv } from '../support/test-core';
import { ratingId, setRules } from './support';

/**
 * The candidate query startRun executes, planned by SQLite on an analysed archive: every rule
 * reads its own index (no rule walks the customers table), and the customers are then fetched by id.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await makeEnv({ jobs: inlineRunner() });
  const admin = await env.admin();
  env.core.sqlite.transaction(() => seedCustomers(env.core.sqlite, { count: 3_000, seed: 5 }))();
  env.core.sqlite.exec(`UPDATE customers SET last_activity_at = updated_at,
    contract_end_date = CASE WHEN id % 3 = 0 THEN date('2024-01-01', (id % 900) || ' days') END`);
  env.core.sqlite.exec('ANALYZE');
  await setRules(admin, { creditRating: { enabled: true, ratingId: ratingId(env, 'C') } });
});
afterAll(() => env.close());

describe('the candidate query', () => {
  it('reads each rule from its index and the customers by id', () => {
    const q = candidateQuery(env.core, 1);
    const plan = (env.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan).toContain('SEARCH customers USING COVERING INDEX customers_last_activity (last_activity_at<?)');
    expect(plan).toContain('SEARCH customers USING COVERING INDEX customers_contract_end (contract_end_date<?)');
    expect(plan).toContain('SEARCH customers USING COVERING INDEX customers_rating (credit_rating_id=?)');
    expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((d) => /^SCAN (customers|c)\b/.test(d))).toEqual([]);
  });
});
