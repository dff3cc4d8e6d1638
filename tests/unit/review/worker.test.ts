import { describe, expect } from 'vitest';
import { test } from './support';

test.override({ jobs: 'worker' });

describe('开始审查 in its worker thread', () => {
  test('writes the run through its own connection, at the instant asked, and the window reads it at once', async ({
    env,
    admin,
    review,
  }) => {
    await review.customer('旧合同贸易公司', { contractEndDate: '2020-01-31' });
    await review.customer('新合同贸易公司', { contractEndDate: '2099-12-31' });
    const run = await admin.ok('review.start');
    expect(run).toMatchObject({
      candidateCount: 1,
      open: true,
      startedAt: env.clock.now().toISOString(),
      startedByName: '系统管理员',
    });
    expect(await review.candidates()).toEqual({ 旧合同贸易公司: ['contractEnded'] });
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
