import type { Channel, ChannelInput } from '../../../electron/core/shared/contract';
import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import { inlineRunner, makeEnv, type TestClient, type TestEnv } from '../support/test-core';

export interface ReviewEnv extends TestEnv {
  /** a call through the dispatcher, as a window makes it */
  call<C extends Channel>(client: TestClient, channel: C, input?: ChannelInput<C> | unknown): Promise<ApiResult<any>>;
  ok<C extends Channel>(client: TestClient, channel: C, input?: ChannelInput<C> | unknown): Promise<any>;
  /** creates a customer through customer.create; facts not given there are set straight in the table */
  customer(client: TestClient, name: string, facts?: Facts): Promise<number>;
  setFacts(id: number, facts: Facts): void;
  /** customer ids of the current run's candidates, with the rules that hit */
  candidates(client: TestClient, input?: object): Promise<Record<string, string[]>>;
  ratingId(name: string): number;
  /** sets the clock and signs the administrator in again (a long jump outlasts the session) */
  travel(admin: TestClient, at: string): Promise<void>;
  /** ids by customer name */
  id(name: string): number;
}

export interface Facts {
  lastActivityAt?: string;
  contractEndDate?: string | null;
  creditRating?: string | null;
  status?: 'active' | 'frozen' | 'deactivated';
}

/**
 * A test environment for the review. 开始审查 runs in a worker thread in the app; here it runs on
 * the test's thread (the same job function) unless `worker` asks for the real thread.
 */
export async function makeReviewEnv(opts: { worker?: boolean } = {}): Promise<ReviewEnv> {
  const env = await makeEnv({ jobs: opts.worker ? undefined : inlineRunner() });
  const call: ReviewEnv['call'] = (client, channel, input = {}) => client.call(channel, input);
  const ok: ReviewEnv['ok'] = async (client, channel, input = {}) => {
    const r = await call(client, channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const sqlite = env.core.sqlite;
  const ratingId = (name: string) =>
    sqlite.prepare(`SELECT id FROM lookups WHERE kind = 'creditRating' AND name = ?`).pluck().get(name) as number;
  const setFacts = (id: number, f: Facts) => {
    if (f.lastActivityAt !== undefined)
      sqlite.prepare('UPDATE customers SET last_activity_at = ? WHERE id = ?').run(f.lastActivityAt, id);
    if (f.contractEndDate !== undefined)
      sqlite.prepare('UPDATE customers SET contract_end_date = ? WHERE id = ?').run(f.contractEndDate, id);
    if (f.creditRating !== undefined) {
      sqlite
        .prepare('UPDATE customers SET credit_rating_id = ? WHERE id = ?')
        .run(f.creditRating && ratingId(f.creditRating), id);
    }
    if (f.status !== undefined) sqlite.prepare('UPDATE customers SET status = ? WHERE id = ?').run(f.status, id);
  };
  return {
    ...env,
    call,
    ok,
    ratingId,
    setFacts,
    async travel(admin, at) {
      env.clock.set(at);
      await admin.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    },
    id: (name) => sqlite.prepare('SELECT id FROM customers WHERE name = ?').pluck().get(name) as number,
    async customer(client, name, facts = {}) {
      const c = await ok(client, 'customer.create', { name, creditRatingId: null, duplicateReason: 'test' });
      setFacts(c.id, { creditRating: null, ...facts });
      return c.id;
    },
    async candidates(client, input = {}) {
      const r = await ok(client, 'review.candidates', { limit: 500, ...input });
      return Object.fromEntries(r.items.map((i: { name: string; rules: string[] }) => [i.name, i.rules]));
    },
  };
}

/** The settings with some rules changed (the others as stored). */
export async function setRules(env: ReviewEnv, admin: TestClient, change: Record<string, object>, extra: object = {}) {
  const { settings } = await env.ok(admin, 'review.getSettings');
  const rules = Object.fromEntries(
    Object.entries(settings.rules).map(([k, v]) => [k, { ...(v as object), ...(change[k] ?? {}) }]),
  );
  return env.ok(admin, 'review.updateSettings', { ...settings, ...extra, rules });
}
