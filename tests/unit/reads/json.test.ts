import { describe, expect, it } from 'vitest';
import { loadActor } from '../../../electron/core/actor';
import { dispatch, dispatchJson } from '../../../electron/core/dispatch';
import { customers, testScript, threadedCores } from './support';

const threaded = threadedCores();

const text = (body: Buffer | string) => (typeof body === 'string' ? body : body.toString('utf8'));

describe('a pool read answered as JSON', () => {
  it('comes from the thread as bytes, not objects: the JSON text of what run() answers', async () => {
    const env = await threaded();
    const admin = await env.admin();
    await customers(admin, ['苏州园林设计有限公司', '苏州评弹文化有限公司']);
    const actor = loadActor(env.core, (await admin.ok('auth.status')).user!.id);
    const input = env.core.assembly.contract['customer.search'].input.parse({ q: '苏州' });
    const call = { channel: 'customer.search', input, actor };
    const bytes = await env.core.reads.runJson(call);
    expect(bytes).toBeInstanceOf(Uint8Array);
    // its own buffer (moved from the thread), not a slice of a shared pool
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(Buffer.from(bytes).toString('utf8')).toBe(JSON.stringify(await env.core.reads.run(call)));
  });

  it('dispatchJson gives the bytes of JSON.stringify(dispatch(...)), answers and errors alike', async () => {
    const env = await threaded();
    const admin = await env.admin();
    const [id] = await customers(admin, ['常州恐龙乐园有限公司']);
    for (const [channel, input] of [
      ['customer.get', { id }],
      ['customer.search', { q: '常州' }],
      ['customer.search', { limit: 'all' }],
      ['customer.get', { id: 424242 }],
      ['nope.channel', {}],
      ['system.ping', { echo: 'y' }],
    ] as const) {
      expect(text(await dispatchJson(env.core, channel, input, admin)), channel).toBe(JSON.stringify(await dispatch(env.core, channel, input, admin)));
    }
  });

  it('a thread that dies fails its call as INTERNAL, in the contract\'s shape', async () => {
    const env = await threaded({ script: testScript('crash.worker.ts') });
    const admin = await env.admin();
    const body = text(await dispatchJson(env.core, 'review.runs', {}, admin));
    expect(JSON.parse(body)).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
    expect(env.core.reads.stats().replaced).toBe(1);
  });
});
