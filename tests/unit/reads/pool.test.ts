import { describe, expect, it } from 'vitest';
import type { HandlerCtx } from '../../../electron/core/handler';
import { openReadDb } from '../../../electron/core/reads/db';
import { poolSize } from '../../../electron/core/reads/pool';
import type { Channel, ChannelInput } from '../../../electron/core/shared/contract';
import { makeEnv, snapshot, type TestClient, type TestEnv } from '../support/test-core';
import { customers, testScript, threadedCores } from './support';

const threaded = threadedCores();

/** The channel's handler run straight on the main connection, as before the pool (the same parsed input). */
async function onMain<C extends Channel>(env: TestEnv, client: TestClient, channel: C, input: ChannelInput<C>) {
  const { contract, handlers } = env.core.assembly;
  const actor = (await client.ok('auth.status')).user;
  const ctx = { core: env.core, actor: actor && { ...actor, permissions: new Set(actor.permissions) }, transport: client };
  const handler = handlers[channel] as (ctx: HandlerCtx, input: unknown) => unknown;
  return contract[channel].output.parse(await handler(ctx as HandlerCtx, contract[channel].input.parse(input)));
}

describe('the read pool', () => {
  it('answers a pool read in a thread with what the handler gives on the main connection', async () => {
    const env = await threaded();
    const admin = await env.admin();
    const [first] = await customers(admin, ['杭州西湖茶业有限公司', '杭州钱塘科技有限公司', '宁波港口物流有限公司']);
    const calls: { [C in Channel]?: ChannelInput<C> } = {
      'customer.search': { q: '杭州' },
      'customer.get': { id: first },
      'customer.history': { id: first },
      'audit.list': { pageSize: 50 },
      'review.status': {},
    };
    const before = env.core.reads.stats().calls;
    for (const [channel, input] of Object.entries(calls) as [Channel, never][]) {
      expect(await admin.ok(channel, input), channel).toEqual(await onMain(env, admin, channel, input));
    }
    expect((await admin.ok('customer.search', { q: '杭州' })).total).toBe(2);
    const stats = env.core.reads.stats();
    expect(stats.mode).toBe('threads');
    expect(stats.calls - before).toBe(Object.keys(calls).length + 1);
  });

  it('sees a write acknowledged before the read (read-your-writes)', async () => {
    const env = await threaded({ size: 2 });
    const admin = await env.admin();
    const [id] = await customers(admin, ['温州瓯江贸易有限公司']);
    for (let i = 1; i <= 10; i++) {
      const { version } = await admin.ok('customer.get', { id });
      await admin.ok('customer.update', { id, version, name: `温州瓯江贸易有限公司${i}号` });
      expect((await admin.ok('customer.get', { id })).name).toBe(`温州瓯江贸易有限公司${i}号`);
      expect((await admin.ok('customer.search', { q: `温州瓯江贸易有限公司${i}号` })).items.map((r) => r.id)).toEqual([id]);
    }
    expect(env.core.reads.stats().calls).toBeGreaterThanOrEqual(30);
  });

  it('refuses a call without the permission, the session or a valid input in main: the pool never sees it', async () => {
    const env = await threaded();
    const admin = await env.admin();
    await customers(admin, ['嘉兴南湖电子有限公司']);
    const nobody = await env.userWithRoles('nobody', []);
    const before = env.core.reads.stats().calls;
    expect(await nobody.call('customer.search', { q: '嘉兴' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.client().call('customer.search', { q: '嘉兴' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await admin.callRaw('customer.search', { limit: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(env.core.reads.stats().calls).toBe(before);
    expect((await admin.ok('customer.search', { q: '嘉兴' })).total).toBe(1);
    expect(env.core.reads.stats().calls).toBe(before + 1);
  });

  it('replaces a thread that dies: its read fails as INTERNAL, the next reads are answered', async () => {
    const env = await threaded({ script: testScript('crash.worker.ts') });
    const admin = await env.admin();
    await customers(admin, ['绍兴黄酒酿造有限公司']);
    const before = snapshot(env.core);
    expect(await admin.call('review.runs', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', messageKey: 'errors.internal' },
    });
    expect(env.core.reads.stats().replaced).toBe(1);
    expect(env.core.fault).toBeNull();
    expect((await admin.ok('customer.search', { q: '绍兴' })).total).toBe(1);
    expect(await admin.call('review.runs', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await admin.ok('audit.list', {})).total).toBeGreaterThan(0);
    expect(env.core.reads.stats()).toMatchObject({ replaced: 2, threads: 1 });
    expect(snapshot(env.core)).toBe(before);
  });

  it('runs reads side by side on at most its size of threads, and answers each its own', async () => {
    const env = await threaded({ size: 2 });
    const admin = await env.admin();
    const names = ['湖州丝绸有限公司', '金华火腿有限公司', '台州汽配有限公司', '丽水山茶有限公司', '衢州柑橘有限公司'];
    const ids = await customers(admin, names);
    const got = await Promise.all(ids.map((id) => admin.ok('customer.get', { id })));
    expect(got.map((c) => c.name)).toEqual(names);
    expect(env.core.reads.stats()).toMatchObject({ size: 2, threads: 2 });
  });

  it('sizes the pool from the cores: at least one thread, at most four', () => {
    expect(poolSize()).toBeGreaterThanOrEqual(1);
    expect(poolSize()).toBeLessThanOrEqual(4);
  });

  it("opens the pool's connections read-only: a write is refused by SQLite", async () => {
    const env = await makeEnv();
    const reader = openReadDb(env.core.sqlite.name);
    try {
      expect(() => reader.prepare(`UPDATE settings SET value = value`).run()).toThrow(/readonly/);
      expect(reader.pragma('query_only', { simple: true })).toBe(1);
    } finally {
      reader.close();
      await env.core.reads.close();
      env.close();
    }
  });
});
