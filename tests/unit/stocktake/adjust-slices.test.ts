import { afterEach, describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { adjustSlicing } from '../../../electron/core/stocktake/adjust-slices';
import { test } from '../support/fixtures';
import { type Crafted, craftLine, craftStocktake, inactiveReason, setState } from './recon-support';

const BUDGET_MS = adjustSlicing.budgetMs;

afterEach(() => {
  adjustSlicing.budgetMs = BUDGET_MS;
  adjustSlicing.maxPerSlice = Number.POSITIVE_INFINITY;
  adjustSlicing.pageSize = 2000;
  adjustSlicing.onSlice = null;
});

let made = 0;
/** `n` plain active customers, set-based (the adjustments read and change only the customers table and the log). */
function bulkCustomers(core: Core, n: number): number[] {
  const now = core.clock.now().toISOString();
  const first = made + 1;
  made += n;
  core.sqlite
    .prepare(
      `WITH RECURSIVE k(i) AS (SELECT @first UNION ALL SELECT i + 1 FROM k WHERE i < @last)
       INSERT INTO customers (code, name, name_norm, nature, status, created_at, updated_at, last_activity_at)
       SELECT printf('BULK%06d', i), printf('批量客户%06d', i), printf('批量客户%06d', i), 'other', 'active', @now, @now, @now FROM k`,
    )
    .run({ first, last: made, now });
  return core.sqlite
    .prepare(`SELECT id FROM customers WHERE code >= printf('BULK%06d', ?) AND code <= printf('BULK%06d', ?) ORDER BY id`)
    .pluck()
    .all(first, made) as number[];
}

const logRows = (core: Core, no: string, action: string) =>
  core.sqlite
    .prepare(
      `SELECT CAST(entity_id AS INTEGER) AS id, count(*) AS n FROM operation_log
       WHERE entity = 'customer' AND action = ? AND json_extract(changes, '$.stocktake.after') = ? GROUP BY entity_id`,
    )
    .all(action, no) as { id: number; n: number }[];

const summaries = (core: Core, st: Crafted) =>
  (
    core.sqlite
      .prepare(`SELECT changes FROM operation_log WHERE entity = 'stocktake' AND entity_id = ? AND action = 'adjust' ORDER BY id`)
      .pluck()
      .all(String(st.id)) as string[]
  ).map((c) => JSON.parse(c));

/** What a deactivation left on the customers, position by position: state, history rows, tagged log rows. */
function outcome(core: Core, st: Crafted, ids: number[]) {
  const logs = new Map(logRows(core, st.no, 'deactivate').map((r) => [r.id, r.n]));
  const state = core.sqlite.prepare(
    `SELECT c.status, (SELECT count(*) FROM customer_status_changes h WHERE h.customer_id = c.id) AS history FROM customers c WHERE c.id = ?`,
  );
  return ids.map((id) => ({ ...(state.get(id) as { status: string; history: number }), logs: logs.get(id) ?? 0 }));
}

/** A reconciling stocktake expecting `ids`, the first `counted` of them counted. */
function stocktakeOver(core: Core, ids: number[], counted = 0): Crafted {
  const st = craftStocktake(core, { expected: ids.map((id) => ({ id })) });
  for (const id of ids.slice(0, counted)) craftLine(core, st, { customerId: id, code: `L${id}`, scans: 1 });
  return st;
}

describe('a bulk adjustment runs in slices', () => {
  test('3,000 missing customers: many transactions, other calls answered between them, the one-transaction result', async ({
    env,
    admin,
  }) => {
    const reasonId = inactiveReason(env.core);
    const [a, b] = [bulkCustomers(env.core, 3000), bulkCustomers(env.core, 3000)];
    // the same mix in both: a few already deactivated
    for (const ids of [a, b]) for (const k of [5, 1500, 2999]) setState(env.core, ids[k], 'deactivated');
    const [stA, stB] = [stocktakeOver(env.core, a), stocktakeOver(env.core, b)];

    // one transaction: a budget no slice reaches
    const single: number[] = [];
    adjustSlicing.budgetMs = Number.POSITIVE_INFINITY;
    adjustSlicing.onSlice = (done) => single.push(done);
    const one = await admin.ok('stocktake.adjust', { id: stB.id, action: 'deactivateMissing', reasonId, memo: '盘点未见' });
    expect(single).toEqual([3000]);

    // slices of at most 250, targets read in pages of 128 (not a multiple: pages and slices cross):
    // another channel, asked after the second slice, is answered before the run ends
    adjustSlicing.budgetMs = BUDGET_MS;
    adjustSlicing.maxPerSlice = 250;
    adjustSlicing.pageSize = 128;
    const events: string[] = [];
    adjustSlicing.onSlice = (done) => {
      events.push(`slice ${done}`);
      if (events.length === 2) void admin.ok('auth.status', {}).then(() => events.push('other call'));
    };
    const sliced = await admin.ok('stocktake.adjust', { id: stA.id, action: 'deactivateMissing', reasonId, memo: '盘点未见' });
    const slices = events.filter((e) => e.startsWith('slice'));
    expect(slices.length).toBeGreaterThanOrEqual(12);
    expect(slices.at(-1)).toBe('slice 3000');
    const other = events.indexOf('other call');
    expect(other).toBeGreaterThan(1);
    expect(other).toBeLessThan(events.length - 1);

    expect(sliced).toEqual(one);
    expect(sliced).toEqual({ changed: 2997, skipped: 3, refusals: { 'stocktake.errors.alreadyDone': 3 } });
    expect(outcome(env.core, stA, a)).toEqual(outcome(env.core, stB, b));
    expect(outcome(env.core, stA, a).filter((o) => o.status === 'deactivated' && o.logs === 1)).toHaveLength(2997);
    expect(summaries(env.core, stA)).toEqual(summaries(env.core, stB));
    expect(summaries(env.core, stA)).toHaveLength(1);
  });

  test('cut short between slices (a crash), run again: finishes the rest, nobody verified twice', async ({ env, admin }) => {
    const ids = bulkCustomers(env.core, 1000);
    const st = stocktakeOver(env.core, ids, 1000);
    // slices of exactly 100 (no time budget): where the run is cut is known
    adjustSlicing.budgetMs = Number.POSITIVE_INFINITY;
    adjustSlicing.maxPerSlice = 100;
    adjustSlicing.onSlice = (done) => {
      if (done === 300) throw new Error('the process dies here');
    };
    expect(await admin.call('stocktake.adjust', { id: st.id, action: 'markVerified' })).toMatchObject({ ok: false });
    const verified = () => env.core.sqlite.prepare('SELECT count(*) FROM customers WHERE last_verified_at IS NOT NULL').pluck().get();
    expect(verified()).toBe(300);
    expect(summaries(env.core, st)).toEqual([]);

    adjustSlicing.onSlice = null;
    const again = await admin.ok('stocktake.adjust', { id: st.id, action: 'markVerified' });
    expect(again).toEqual({ changed: 700, skipped: 300, refusals: { 'stocktake.errors.alreadyDone': 300 } });
    // the summing row counts what the cut-off run did too: the report says 1000, not 700
    expect(summaries(env.core, st)).toEqual([
      expect.objectContaining({ changed: { before: null, after: 700 }, resumed: { before: null, after: 300 } }),
    ]);
    expect((await admin.ok('stocktake.report', { id: st.id })).adjusted).toEqual({ markVerified: 1000 });
    expect(verified()).toBe(1000);
    const logs = logRows(env.core, st.no, 'verify');
    expect(logs).toHaveLength(1000);
    expect(logs.every((r) => r.n === 1)).toBe(true);
    expect(await admin.ok('stocktake.adjust', { id: st.id, action: 'markVerified' })).toEqual({
      changed: 0,
      skipped: 1000,
      refusals: { 'stocktake.errors.alreadyDone': 1000 },
    });
    expect(logRows(env.core, st.no, 'verify')).toHaveLength(1000);
    // a run after a whole one resumes nothing: nobody counted twice
    expect(summaries(env.core, st).at(-1)).not.toHaveProperty('resumed');
    expect((await admin.ok('stocktake.report', { id: st.id })).adjusted).toEqual({ markVerified: 1000 });
  });

  test('a deactivation cut short twice, then run to the end: the report counts each customer once', async ({ env, admin }) => {
    const reasonId = inactiveReason(env.core);
    const ids = bulkCustomers(env.core, 600);
    // two deactivated before the stocktake: already done, but not by it
    setState(env.core, ids[10], 'deactivated');
    setState(env.core, ids[450], 'deactivated');
    const st = stocktakeOver(env.core, ids);
    adjustSlicing.budgetMs = Number.POSITIVE_INFINITY;
    adjustSlicing.maxPerSlice = 100;
    adjustSlicing.pageSize = 70;
    const dieAt = (n: number) => {
      adjustSlicing.onSlice = (done) => {
        if (done === n) throw new Error('the process dies here');
      };
    };
    const run = () => admin.call('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId });
    dieAt(200);
    expect(await run()).toMatchObject({ ok: false });
    dieAt(400);
    expect(await run()).toMatchObject({ ok: false });
    expect(summaries(env.core, st)).toEqual([]);
    adjustSlicing.onSlice = null;
    // the last 200 but ids[450]; the first 400 were done by the two cut-off runs but ids[10]
    expect(await run()).toMatchObject({ ok: true, data: { changed: 199, skipped: 401 } });
    expect(summaries(env.core, st)).toEqual([
      expect.objectContaining({ changed: { before: null, after: 199 }, resumed: { before: null, after: 399 } }),
    ]);
    expect((await admin.ok('stocktake.report', { id: st.id })).adjusted).toEqual({ deactivateMissing: 598 });
    expect(logRows(env.core, st.no, 'deactivate')).toHaveLength(598);
  });

  test('stops when the stocktake leaves reconciliation between slices; run again later, finishes the rest', async ({
    env,
    admin,
  }) => {
    const reasonId = inactiveReason(env.core);
    const ids = bulkCustomers(env.core, 500);
    const st = stocktakeOver(env.core, ids);
    const setStatus = (status: string) => env.core.sqlite.prepare('UPDATE stocktakes SET status = ? WHERE id = ?').run(status, st.id);
    // slices of exactly 100 (no time budget): where the run is cut is known
    adjustSlicing.budgetMs = Number.POSITIVE_INFINITY;
    adjustSlicing.maxPerSlice = 100;
    adjustSlicing.onSlice = (done) => {
      if (done === 200) setStatus('counting');
    };
    const first = await admin.ok('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId });
    expect(first).toEqual({ changed: 200, skipped: 300, refusals: { 'stocktake.errors.adjustStopped': 300 } });
    expect(summaries(env.core, st)).toEqual([
      expect.objectContaining({
        changed: { before: null, after: 200 },
        stoppedAt: { before: 'reconciling', after: 'counting' },
      }),
    ]);

    setStatus('reconciling');
    adjustSlicing.onSlice = null;
    const rest = await admin.ok('stocktake.adjust', { id: st.id, action: 'deactivateMissing', reasonId });
    expect(rest).toEqual({ changed: 300, skipped: 200, refusals: { 'stocktake.errors.alreadyDone': 200 } });
    const logs = logRows(env.core, st.no, 'deactivate');
    expect(logs).toHaveLength(500);
    expect(logs.every((r) => r.n === 1)).toBe(true);
    expect((await admin.ok('stocktake.report', { id: st.id })).adjusted).toEqual({ deactivateMissing: 500 });
  });

  test('no slice runs while a long writer (an import) holds the write gate', async ({ env, admin }) => {
    const ids = bulkCustomers(env.core, 400);
    const st = stocktakeOver(env.core, ids, 400);
    // slices of exactly 100 (no time budget): where the run is cut is known
    adjustSlicing.budgetMs = Number.POSITIVE_INFINITY;
    adjustSlicing.maxPerSlice = 100;
    let held: Promise<() => void> | null = null;
    adjustSlicing.onSlice = (done) => {
      if (done === 100) held = env.core.writes.hold();
    };
    const run = admin.ok('stocktake.adjust', { id: st.id, action: 'markVerified' });
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    while (!held) await tick();
    const release = await (held as Promise<() => void>);
    for (let k = 0; k < 10; k++) await tick();
    const verified = () => env.core.sqlite.prepare('SELECT count(*) FROM customers WHERE last_verified_at IS NOT NULL').pluck().get();
    expect(verified()).toBe(100);
    release();
    expect(await run).toEqual({ changed: 400, skipped: 0, refusals: {} });
    expect(verified()).toBe(400);
  });
});
