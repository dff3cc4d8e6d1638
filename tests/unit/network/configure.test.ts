import { describe, expect } from 'vitest';
import type { AppEvent } from '../../../electron/core/events';
import { localAddresses } from '../../../electron/core/network/addresses';
import { listenerState, setListenerState } from '../../../electron/core/network/listener-state';
import { networkStatus } from '../../../electron/core/network/network.service';
import { certificateTimer } from '../../../electron/core/network/network.timer';
import { readLanSettings } from '../../../electron/core/network/settings';
import { test as base } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { net, netOk, SERVING, serve } from './support';

const test = base.override({ jobs: 'inline' });

describe('network.status', () => {
  test('before anything: serving off on the default ports, no CA, the listener off, loopback listed last', async ({
    env,
    admin,
  }) => {
    const s = await netOk(env.core, admin, 'network.status', {});
    expect(s).toMatchObject({
      settings: { enabled: false, address: null, port: 5443, trustPort: 5080 },
      listener: { state: 'off', url: null, trustUrl: null, error: null },
      caFingerprint: null,
      serverCert: null,
    });
    expect(s.addresses).toContainEqual(expect.objectContaining({ address: '127.0.0.1', internal: true }));
    expect(s.addresses.at(-1)?.internal).toBe(true);
  });

  test('shows the state the shell reports for the listener', async ({ env, admin }) => {
    const running = {
      state: 'running',
      url: 'https://127.0.0.2:5443/',
      trustUrl: 'http://127.0.0.2:5080/',
      error: null,
    } as const;
    setListenerState(env.core, running);
    expect(listenerState(env.core)).toEqual(running);
    expect((await netOk(env.core, admin, 'network.status', {})).listener).toEqual(running);
  });

  test('is refused to a clerk (FORBIDDEN), as every network channel', async ({ env }) => {
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    for (const [channel, input] of [
      ['network.status', {}],
      ['network.devices', {}],
      ['network.configure', SERVING],
      ['network.pairStart', { kind: 'browser', name: null }],
    ] as const) {
      const r = await net(env.core, clerk, channel, input as never);
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
    }
  });
});

describe('network.configure', () => {
  test('saves, makes the certificate for the address, logs and tells the listener', async ({ env, admin }) => {
    const events: AppEvent[] = [];
    env.core.events.subscribe((e) => events.push(e));
    const s = await serve(env.core, admin);
    expect(s.settings).toEqual(SERVING);
    expect(readLanSettings(env.core)).toEqual(SERVING);
    expect(s.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(s.serverCert?.addresses).toEqual(['127.0.0.2']);
    expect(events).toEqual([{ name: 'network.settingsChanged', payload: SERVING, internal: true }]);
    const log = env.core.sqlite
      .prepare(
        "SELECT user_id AS userId, entity_id AS entityId, action, changes FROM operation_log WHERE entity = 'settings'",
      )
      .all() as { userId: number; entityId: string; action: string; changes: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ entityId: 'network.lan', action: 'update' });
    expect(JSON.parse(log[0].changes)).toEqual({
      enabled: { before: false, after: true },
      address: { before: null, after: '127.0.0.2' },
    });
  });

  test('refuses the same port twice, serving without an address, and changes nothing', async ({ env, admin }) => {
    const before = snapshot(env.core);
    expect(await net(env.core, admin, 'network.configure', { ...SERVING, trustPort: 5443 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { trustPort: 'network.errors.samePort' } },
    });
    expect(await net(env.core, admin, 'network.configure', { ...SERVING, address: null })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { address: 'network.errors.addressRequired' } },
    });
    expect(await net(env.core, admin, 'network.configure', { ...SERVING, address: '999.1.1.1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { address: 'network.errors.address' } },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test("refuses an address that is not this PC's, and makes no certificate for it", async ({ env, admin }) => {
    const foreign = '203.0.113.7'; // TEST-NET-3: never an interface's
    expect(localAddresses().map((a) => a.address)).not.toContain(foreign);
    const before = snapshot(env.core);
    const r = await net(env.core, admin, 'network.configure', { ...SERVING, address: foreign });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        messageKey: 'network.errors.address',
        fields: { address: 'network.errors.address' },
      },
    });
    expect(snapshot(env.core)).toBe(before);
    expect((await netOk(env.core, admin, 'network.status', {})).caFingerprint).toBeNull();
  });

  test('turning serving off is always accepted (the address may have gone with DHCP)', async ({ env, admin }) => {
    await serve(env.core, admin);
    const off = { enabled: false, address: '203.0.113.7', port: 5443, trustPort: 5080 };
    const s = await netOk(env.core, admin, 'network.configure', off);
    expect(s.settings).toEqual(off);
  });

  test('a changed address gets its own certificate from the same CA', async ({ env, admin }) => {
    const a = await serve(env.core, admin);
    const b = await netOk(env.core, admin, 'network.configure', { ...SERVING, address: '127.0.0.3' });
    expect(b.caFingerprint).toBe(a.caFingerprint);
    expect(b.serverCert?.addresses).toEqual(['127.0.0.3']);
    expect(b.serverCert?.spkiSha256).not.toBe(a.serverCert?.spkiSha256);
  });
});

describe('the certificate timer', () => {
  test('renews the server certificate before it ends and tells the listener; idle otherwise', async ({
    env,
    admin,
  }) => {
    const first = await serve(env.core, admin);
    const events: AppEvent[] = [];
    env.core.events.subscribe((e) => events.push(e));
    await certificateTimer.run(env.core);
    expect(events.filter((e) => e.name === 'network.settingsChanged')).toEqual([]);
    env.clock.advanceMinutes(800 * 24 * 60);
    await certificateTimer.run(env.core);
    expect(events.filter((e) => e.name === 'network.settingsChanged')).toEqual([
      { name: 'network.settingsChanged', payload: SERVING, internal: true },
    ]);
    const now = networkStatus(env.core).serverCert;
    expect(now?.spkiSha256).not.toBe(first.serverCert?.spkiSha256);
    expect(new Date(now?.notAfter ?? 0).getTime()).toBeGreaterThan(new Date(first.serverCert?.notAfter ?? 0).getTime());
  });
});
