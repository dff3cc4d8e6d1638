import { describe, expect } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { AppEvent } from '../../../electron/core/events';
import { deviceBySecret, touchDevice } from '../../../electron/core/network/devices';
import { redeemPairing } from '../../../electron/core/network/pairing';
import { test as base } from '../support/fixtures';
import type { TestClient, TestEnv } from '../support/test-core';
import { callOk, DeviceTransport, net, netOk, serve } from './support';

const test = base.override({ jobs: 'inline' });
const CLERK_PASSWORD = 'correct-horse-1';

/** A device paired through the QR code's token; returns its id and secret. */
async function pair(env: TestEnv, admin: TestClient, name: string | null = null) {
  const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name });
  const token = new URL(p.url).hash.match(/t=([^&]+)/)?.[1] ?? '';
  return redeemPairing(
    env.core,
    { token },
    {
      address: '127.0.0.9',
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Version/17.4 Mobile/15E148 Safari/604.1',
    },
  );
}

/** The clerk signed in on a device (its own transport, as the listener would give it). */
async function signInOn(env: TestEnv, deviceId: number | null, username = 'clerk1') {
  const t = new DeviceTransport(deviceId);
  await callOk(env.core, t, 'auth.login', { username, password: CLERK_PASSWORD });
  return t;
}

describe('devices', () => {
  test('lists each device with who paired it, revoked ones last, with its sessions', async ({ env, admin }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const a = await pair(env, admin);
    env.clock.advanceMinutes(1);
    const b = await pair(env, admin, '仓库平板');
    await signInOn(env, a.deviceId);
    await netOk(env.core, admin, 'network.revoke', { deviceId: b.deviceId, reason: '丢失' });
    const list = await netOk(env.core, admin, 'network.devices', {});
    expect(list.map((d) => [d.id, d.name, d.revokedAt !== null])).toEqual([
      [a.deviceId, 'iPhone (Safari)', false],
      [b.deviceId, '仓库平板', true],
    ]);
    expect(list[0]).toMatchObject({
      kind: 'browser',
      address: '127.0.0.9',
      pairedByName: '系统管理员',
      revokedByName: null,
    });
    expect(list[1]).toMatchObject({ revokedByName: '系统管理员', revokeReason: '丢失', sessions: 0 });
  });

  test('counts the sessions signed in on each device now (SessionStore.countOnDevice)', async ({ env, admin }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const a = await pair(env, admin);
    const b = await pair(env, admin);
    await signInOn(env, a.deviceId);
    await signInOn(env, a.deviceId);
    await signInOn(env, null);
    const sessions = async () =>
      Object.fromEntries((await netOk(env.core, admin, 'network.devices', {})).map((d) => [d.id, d.sessions]));
    expect(await sessions()).toEqual({ [a.deviceId]: 2, [b.deviceId]: 0 });
    await netOk(env.core, admin, 'network.revoke', { deviceId: a.deviceId, reason: null });
    expect(await sessions()).toEqual({ [a.deviceId]: 0, [b.deviceId]: 0 });
  });

  test('revoking: the secret admits no more, the device sessions end, the same user elsewhere stays', async ({
    env,
    admin,
  }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const a = await pair(env, admin);
    const b = await pair(env, admin);
    const onA = await signInOn(env, a.deviceId);
    const onB = await signInOn(env, b.deviceId);
    const here = await signInOn(env, null);
    const events: AppEvent[] = [];
    env.core.events.subscribe((e) => events.push(e));

    const revoked = await netOk(env.core, admin, 'network.revoke', { deviceId: a.deviceId, reason: null });
    expect(revoked.revokedAt).toBe(env.clock.now().toISOString());
    expect(deviceBySecret(env.core, a.secret)).toBeNull();
    expect(deviceBySecret(env.core, b.secret)?.id).toBe(b.deviceId);
    expect(events).toEqual([{ name: 'network.deviceRevoked', payload: { deviceId: a.deviceId }, internal: true }]);
    expect(await net(env.core, onA, 'network.status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await callOk(env.core, onB, 'auth.status', {})).toMatchObject({ user: { username: 'clerk1' } });
    expect(await callOk(env.core, here, 'auth.status', {})).toMatchObject({ user: { username: 'clerk1' } });
    expect(await callOk(env.core, admin, 'auth.status', {})).toMatchObject({ user: { username: 'admin' } });

    // a second revoke answers as it is: no second log row, no event
    const again = await netOk(env.core, admin, 'network.revoke', { deviceId: a.deviceId, reason: '再次' });
    expect(again).toEqual(revoked);
    expect(events).toHaveLength(1);
    const logs = env.core.sqlite
      .prepare(
        "SELECT action, reason FROM operation_log WHERE entity = 'networkDevice' AND entity_id = ? AND action = 'revoke'",
      )
      .all(String(a.deviceId));
    expect(logs).toEqual([{ action: 'revoke', reason: null }]);
    expect(await net(env.core, admin, 'network.revoke', { deviceId: 999, reason: null })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'network.errors.notFound' },
    });
  });

  test('a session is found only from the device it was signed in on', async ({ env, admin }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const a = await pair(env, admin);
    const b = await pair(env, admin);
    const onA = await signInOn(env, a.deviceId);
    const token = onA.sessionToken;
    expect(token).toBeTruthy();
    for (const elsewhere of [new DeviceTransport(b.deviceId), new DeviceTransport(null)]) {
      elsewhere.setSessionToken(token);
      expect(await callOk(env.core, elsewhere, 'auth.status', {})).toMatchObject({ user: null });
      expect(await dispatch(env.core, 'customer.nextCode', {}, elsewhere)).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await callOk(env.core, onA, 'auth.status', {})).toMatchObject({ user: { username: 'clerk1' } });
  });

  test('a change made from a device records the device in the operation log', async ({ env, admin }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const a = await pair(env, admin);
    const onA = await signInOn(env, a.deviceId);
    const c = (await callOk(env.core, onA, 'customer.create', { name: '手机录入商行', nature: 'other' })) as {
      id: number;
    };
    const here = await signInOn(env, null);
    await callOk(env.core, here, 'customer.create', { name: '本机录入商行', nature: 'other' });
    const rows = env.core.sqlite
      .prepare(
        "SELECT entity_id AS entityId, device_id AS deviceId FROM operation_log WHERE entity = 'customer' AND action = 'create' ORDER BY id",
      )
      .all();
    expect(rows).toEqual([
      { entityId: String(c.id), deviceId: a.deviceId },
      { entityId: expect.any(String), deviceId: null },
    ]);
  });

  test('rename logs the change; an unknown id is not found', async ({ env, admin }) => {
    await serve(env.core, admin);
    const a = await pair(env, admin);
    const d = await netOk(env.core, admin, 'network.renameDevice', { deviceId: a.deviceId, name: '  前台 iPhone ' });
    expect(d.name).toBe('前台 iPhone');
    expect(deviceBySecret(env.core, a.secret)?.name).toBe('前台 iPhone');
    const log = env.core.sqlite
      .prepare("SELECT action, changes FROM operation_log WHERE entity = 'networkDevice' AND action = 'update'")
      .all() as { action: string; changes: string }[];
    expect(log.map((l) => JSON.parse(l.changes))).toEqual([
      { deviceName: { before: 'iPhone (Safari)', after: '前台 iPhone' } },
    ]);
    expect(await net(env.core, admin, 'network.renameDevice', { deviceId: 999, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  test('touchDevice records last seen and the address at most once a minute', async ({ env, admin }) => {
    await serve(env.core, admin);
    const a = await pair(env, admin);
    const seen = () =>
      env.core.sqlite.prepare('SELECT last_seen_at AS at, address FROM network_devices WHERE id = ?').get(a.deviceId);
    const settle = () => new Promise((r) => setImmediate(r));
    touchDevice(env.core, a.deviceId, '127.0.0.9');
    await settle();
    const first = env.clock.now().toISOString();
    expect(seen()).toEqual({ at: first, address: '127.0.0.9' });
    env.clock.advanceMinutes(0.5);
    touchDevice(env.core, a.deviceId, '127.0.0.9');
    await settle();
    expect(seen()).toEqual({ at: first, address: '127.0.0.9' });
    touchDevice(env.core, a.deviceId, '127.0.0.10');
    await settle();
    expect(seen()).toEqual({ at: env.clock.now().toISOString(), address: '127.0.0.10' });
    env.clock.advanceMinutes(1);
    touchDevice(env.core, a.deviceId, '127.0.0.10');
    await settle();
    expect(seen()).toEqual({ at: env.clock.now().toISOString(), address: '127.0.0.10' });
  });

  test('channels that name files on the server PC are refused from a device, even to an administrator', async ({
    env,
    admin,
  }) => {
    await serve(env.core, admin);
    await env.userWithRoles('admin2', ['admin'], CLERK_PASSWORD);
    const d = await pair(env, admin);
    const onDevice = await signInOn(env, d.deviceId, 'admin2');
    const refused = { ok: false, error: { code: 'FORBIDDEN', messageKey: 'network.errors.thisPcOnly' } };
    for (const [channel, input] of [
      ['backup.inspect', { path: '/etc/passwd' }],
      ['backup.export', { id: 1, path: '/tmp/x.sqlite' }],
      ['backup.restore', { source: { kind: 'file', path: '/tmp/x.sqlite' } }],
      ['backup.restoreDamaged', { fileName: 'x.sqlite' }],
    ] as const) {
      expect(await dispatch(env.core, channel, input, onDevice), channel).toEqual(refused);
    }
    // the same administrator on this PC reaches the channel (its own checks then answer)
    const here = await signInOn(env, null, 'admin2');
    const r = await dispatch(env.core, 'backup.inspect', { path: '/nonexistent/x.sqlite' }, here);
    expect(r.ok ? null : r.error.messageKey).not.toBe('network.errors.thisPcOnly');
  });

  test('sign-ins from a device, good and failed, are logged with the device', async ({ env, admin }) => {
    await serve(env.core, admin);
    await env.userWithRoles('clerk1', ['clerk'], CLERK_PASSWORD);
    const d = await pair(env, admin);
    const t = new DeviceTransport(d.deviceId);
    const since = env.core.sqlite.prepare('SELECT max(id) FROM operation_log').pluck().get() as number;
    const bad = await dispatch(env.core, 'auth.login', { username: 'clerk1', password: 'wrong-password-1' }, t);
    expect(bad.ok).toBe(false);
    await dispatch(env.core, 'auth.login', { username: 'nobody', password: 'wrong-password-1' }, t);
    await callOk(env.core, t, 'auth.login', { username: 'clerk1', password: CLERK_PASSWORD });
    const rows = env.core.sqlite
      .prepare(
        "SELECT action, entity_id AS who, device_id AS deviceId FROM operation_log WHERE entity = 'session' AND id > ? ORDER BY id",
      )
      .all(since);
    expect(rows).toEqual([
      { action: 'loginFailed', who: 'clerk1', deviceId: d.deviceId },
      { action: 'loginFailed', who: 'nobody', deviceId: d.deviceId },
      { action: 'login', who: 'clerk1', deviceId: d.deviceId },
    ]);
  });

  test('a device revoked after a backup stays refused when that backup is restored', async ({ env, admin }) => {
    await serve(env.core, admin);
    const d = await pair(env, admin);
    const backup = await admin.call('backup.run', {});
    if (!backup.ok) throw new Error(JSON.stringify(backup.error));
    await netOk(env.core, admin, 'network.revoke', { deviceId: d.deviceId, reason: '手机丢失' });
    expect(deviceBySecret(env.core, d.secret)).toBeNull();
    const restored = await admin.call('backup.restore', { source: { kind: 'listed', id: backup.data.id } });
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
    // the restored archive has the device as it was before, not revoked …
    const row = env.core.sqlite
      .prepare('SELECT revoked_at AS revokedAt FROM network_devices WHERE id = ?')
      .get(d.deviceId);
    expect(row).toEqual({ revokedAt: null });
    // … and it is refused all the same
    expect(deviceBySecret(env.core, d.secret)).toBeNull();
  });
});
