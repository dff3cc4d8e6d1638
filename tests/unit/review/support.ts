import type { ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import { test as base, type EnvOptions } from '../support/fixtures';
import type { TestClient, TestEnv } from '../support/test-core';

export interface Facts {
  lastActivityAt?: string;
  contractEndDate?: string | null;
  creditRating?: string | null;
  status?: 'active' | 'frozen' | 'deactivated';
}

/** What the review's tests do as the administrator, beside plain calls. */
export interface Review {
  /** creates a customer through customer.create; facts not given there are set straight in the table */
  customer(name: string, facts?: Facts): Promise<number>;
  setFacts(id: number, facts: Facts): void;
  /** customer names of the current run's candidates, with the rules that hit */
  candidates(input?: object): Promise<Record<string, string[]>>;
  /** the settings with some rules changed (the others as stored) */
  setRules(change: Record<string, object>, extra?: object): Promise<ChannelOutput<'review.updateSettings'>>;
  ratingId(name: string): number;
  /** sets the clock and signs the administrator in again (a long jump outlasts the session) */
  travel(at: string): Promise<void>;
  /** ids by customer name */
  id(name: string): number;
}

/** The settings with some rules changed (the others as stored), saved by the given client. */
export async function setRules(client: TestClient, change: Record<string, object>, extra: object = {}) {
  const { settings } = await client.ok('review.getSettings');
  const rules = Object.fromEntries(
    Object.entries(settings.rules).map(([k, v]) => [k, { ...(v as object), ...(change[k] ?? {}) }]),
  );
  return client.ok('review.updateSettings', { ...settings, ...extra, rules } as ChannelInput<'review.updateSettings'>);
}

/** The id of a credit rating (信用等级) by its name. */
export const ratingId = (env: TestEnv, name: string) =>
  env.core.sqlite
    .prepare(`SELECT id FROM lookups WHERE kind = 'creditRating' AND name = ?`)
    .pluck()
    .get(name) as number;

function reviewTools(env: TestEnv, admin: TestClient): Review {
  const sqlite = env.core.sqlite;
  const setFacts = (id: number, f: Facts) => {
    if (f.lastActivityAt !== undefined)
      sqlite.prepare('UPDATE customers SET last_activity_at = ? WHERE id = ?').run(f.lastActivityAt, id);
    if (f.contractEndDate !== undefined)
      sqlite.prepare('UPDATE customers SET contract_end_date = ? WHERE id = ?').run(f.contractEndDate, id);
    if (f.creditRating !== undefined) {
      sqlite
        .prepare('UPDATE customers SET credit_rating_id = ? WHERE id = ?')
        .run(f.creditRating && ratingId(env, f.creditRating), id);
    }
    if (f.status !== undefined) sqlite.prepare('UPDATE customers SET status = ? WHERE id = ?').run(f.status, id);
  };
  return {
    ratingId: (name) => ratingId(env, name),
    setFacts,
    async travel(at) {
      env.clock.set(at);
      await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    },
    id: (name) => sqlite.prepare('SELECT id FROM customers WHERE name = ?').pluck().get(name) as number,
    async customer(name, facts = {}) {
      const c = await admin.ok('customer.create', { name, creditRatingId: null, duplicateReason: 'test' });
      setFacts(c.id, { creditRating: null, ...facts });
      return c.id;
    },
    async candidates(input = {}) {
      const r = await admin.ok('review.candidates', { limit: 500, ...input });
      return Object.fromEntries(r.items.map((i) => [i.name, i.rules]));
    },
    setRules: (change, extra) => setRules(admin, change, extra),
  };
}

/**
 * The review's tests: 开始审查 runs in a worker thread in the app; here it runs on the test's
 * thread (the same job function) unless a file asks for the real thread with
 * `test.override({ jobs: 'worker' })`. `review`: the tools above, as the administrator.
 */
export const test = base.extend<{ review: Review; jobs: EnvOptions['jobs'] }>({
  jobs: 'inline',
  review: async ({ env, admin }, use) => {
    await use(reviewTools(env, admin));
  },
});
