import { describe, expect } from 'vitest';
import type { RunningHost } from '../../../electron/host';
import { fullCustomer } from '../customers/support';
import { countingOver, customersIn, scanOf } from '../stocktake/count-support';
import { snapshot, type TestClient, type TestEnv } from '../support/test-core';
import { test } from './support';

/**
 * Issue 18: a page whose server stopped answering sends its call again, under the same
 * X-Request-Key, once the server answers. A change whose first sending did arrive is not made a
 * second time: the first sending's log rows carry the key (same transaction as the change).
 */
function post(host: RunningHost, admin: TestClient, channel: string, input: unknown, key?: string) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-host-token': host.token,
    cookie: `kh_session=${admin.sessionToken}`,
  };
  if (key !== undefined) headers['x-request-key'] = key;
  return fetch(`${host.url}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
}

const count = (env: TestEnv) => env.core.sqlite.prepare('SELECT count(*) FROM customers').pluck().get();

describe('a call sent again under its request key', () => {
  test('a customer saved once is not saved again; the second sending says it was done', async ({
    env,
    admin,
    host,
  }) => {
    const input = await fullCustomer(admin);
    const key = 'c1b4a7e0-3f55-4c1e-9f43-0d6a5b7c9e21';
    const first = await (await post(host, admin, 'customer.create', input, key)).json();
    expect(first.ok).toBe(true);
    const again = await (await post(host, admin, 'customer.create', input, key)).json();
    expect(again).toEqual({ ok: false, error: { code: 'ALREADY_DONE', messageKey: 'errors.alreadyDone' } });
    expect(count(env)).toBe(1);
    const keyed = env.core.sqlite
      .prepare('SELECT entity, action FROM operation_log WHERE request_key = ?')
      .all(key) as { entity: string; action: string }[];
    expect(keyed).toContainEqual({ entity: 'customer', action: 'create' });
  });

  test('another key is another call; reads under a used key still answer', async ({ env, admin, host }) => {
    const input = await fullCustomer(admin);
    const key = 'a'.repeat(32);
    const first = await (await post(host, admin, 'customer.create', input, key)).json();
    expect(first.ok).toBe(true);
    const second = await (
      await post(
        host,
        admin,
        'customer.create',
        { name: '上海浦东贸易有限公司', nature: input.nature, contacts: [], addresses: [] },
        'b'.repeat(32),
      )
    ).json();
    expect(second).toMatchObject({ ok: true });
    expect(count(env)).toBe(2);
    const read = await (await post(host, admin, 'customer.get', { id: first.data.id }, key)).json();
    expect(read).toMatchObject({ ok: true, data: { name: input.name } });
  });

  test('a malformed key is refused before anything is done', async ({ env, admin, host }) => {
    const input = await fullCustomer(admin);
    const before = snapshot(env.core);
    for (const key of ['short', 'x'.repeat(65), 'has space in it 1234', '中文中文中文中文中文中文中文中文']) {
      const res = await post(
        host,
        admin,
        'customer.create',
        input,
        encodeURIComponent(key) === key ? key : 'bad!key!0123456789',
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'errors.badRequest' } });
    }
    expect(snapshot(env.core)).toBe(before);
  });

  test('a second sending while the first still runs is refused as done; the user is made once', async ({
    env,
    admin,
    host,
  }) => {
    const input = { username: 'linjing', displayName: '林静', password: 'clerk-pass-1', roles: ['clerk'] };
    const key = 'k'.repeat(24);
    const answers = await Promise.all([
      post(host, admin, 'user.create', input, key).then((r) => r.json()),
      post(host, admin, 'user.create', input, key).then((r) => r.json()),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([
      { ok: false, error: { code: 'ALREADY_DONE', messageKey: 'errors.alreadyDone' } },
    ]);
    const made = env.core.sqlite.prepare("SELECT count(*) FROM users WHERE username = 'linjing'").pluck().get();
    expect(made).toBe(1);
  });

  test('a scan resent under its key is answered by the scan itself (replayed), not refused as done', async ({
    admin,
    host,
  }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const scan = scanOf(st.id, a.code);
    const key = 's'.repeat(32);
    const first = await (await post(host, admin, 'stocktake.scan', scan, key)).json();
    const again = await (await post(host, admin, 'stocktake.scan', scan, key)).json();
    expect(first).toMatchObject({ ok: true, data: { replayed: false } });
    expect(again).toEqual({ ok: true, data: { ...first.data, replayed: true } });
  });
});
