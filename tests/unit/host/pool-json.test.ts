import { describe, expect } from 'vitest';
import type { RunningHost } from '../../../electron/host';
import type { Channel, ChannelInput } from '../../../electron/core/shared/contract';
import type { TestClient } from '../support/test-core';
import { customers } from '../reads/support';
import { test } from './support';

// the app's pool: reads answered by threads, whose JSON text the host sends as it is
test.override({ reads: 'threads' });

/** POST /api/<channel> as the client's session, over HTTP: the body's text and its content type. */
async function post(host: RunningHost, client: TestClient, channel: string, input: unknown) {
  const res = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-host-token': host.token, cookie: `kh_session=${client.sessionToken}` },
    body: JSON.stringify(input),
  });
  return { text: await res.text(), type: res.headers.get('content-type'), status: res.status };
}

describe('the host sends a pool read as the JSON text its thread made', () => {
  test('byte-identical to the dispatcher\'s answer stringified, for pool reads and main-thread channels', async ({ env, host, admin }) => {
    const [first] = await customers(admin, ['杭州西湖茶业有限公司', '杭州钱塘科技有限公司', '上海"引号"贸易有限公司\\']);
    const calls: { [C in Channel]?: ChannelInput<C> } = {
      'customer.search': { q: '杭州' },
      'customer.get': { id: first },
      'customer.history': { id: first },
      'audit.list': { pageSize: 50 },
      'review.status': {},
      'system.ping': { echo: 'x' },
    };
    const before = env.core.reads.stats().calls;
    for (const [channel, input] of Object.entries(calls) as [Channel, never][]) {
      const http = await post(host, admin, channel, input);
      expect(http.status, channel).toBe(200);
      expect(http.type, channel).toBe('application/json; charset=utf-8');
      expect(http.text, channel).toBe(JSON.stringify(await admin.call(channel, input)));
    }
    const all = await post(host, admin, 'customer.search', { q: '' });
    expect(JSON.parse(all.text).data.items.map((r: { name: string }) => r.name)).toContain('上海"引号"贸易有限公司\\');
    // both ways went through the pool's threads (5 pool reads each, and the last search)
    expect(env.core.reads.stats()).toMatchObject({ mode: 'threads', calls: before + 11 });
  });

  test('errors keep the contract\'s shape: refused input, permission and session, as the dispatcher says them', async ({ env, host, admin }) => {
    const nobody = await env.userWithRoles('nobody', []);
    const invalid = await post(host, admin, 'customer.search', { limit: 'all' });
    expect(invalid.status).toBe(200);
    expect(JSON.parse(invalid.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput' } });
    expect(invalid.text).toBe(JSON.stringify(await admin.callRaw('customer.search', { limit: 'all' })));
    const forbidden = await post(host, nobody, 'customer.search', { q: '杭州' });
    expect(JSON.parse(forbidden.text)).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
    const signedOut = await post(host, env.client(), 'customer.get', { id: 1 });
    expect(JSON.parse(signedOut.text)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const missing = await post(host, admin, 'customer.get', { id: 999_999 });
    expect(missing.text).toBe(JSON.stringify(await admin.call('customer.get', { id: 999_999 })));
    expect(JSON.parse(missing.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
