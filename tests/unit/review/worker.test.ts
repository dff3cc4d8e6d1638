import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/test-core';
import { makeReviewEnv, type ReviewEnv } from './support';

let env: ReviewEnv;
let admin: TestClient;
beforeEach(async () => {
  env = await makeReviewEnv({ worker: true });
  admin = await env.admin();
});
afterEach(() => env.close());

describe('开始审查 in its worker thread', () => {
  it('writes the run through its own connection, at the instant asked, and the window reads it at once', async () => {
    await env.customer(admin, '旧合同贸易公司', { contractEndDate: '2020-01-31' });
    await env.customer(admin, '新合同贸易公司', { contractEndDate: '2099-12-31' });
    const run = await env.ok(admin, 'review.start');
    expect(run).toMatchObject({
      candidateCount: 1,
      open: true,
      startedAt: env.clock.now().toISOString(),
      startedByName: '系统管理员',
    });
    expect(await env.candidates(admin)).toEqual({ 旧合同贸易公司: ['contractEnded'] });
    const logged = env.core.sqlite
      .prepare(`SELECT user_name AS userName, action, changes FROM operation_log WHERE entity = 'reviewRun'`)
      .all();
    expect(logged).toEqual([
      {
        userName: '系统管理员',
        action: 'start',
        changes: JSON.stringify({ candidateCount: { before: null, after: 1 } }),
      },
    ]);
  });
});
