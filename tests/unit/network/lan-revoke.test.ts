import https from 'node:https';
import { checkServerIdentity } from 'node:tls';
import { describe, expect } from 'vitest';
import { ADDRESS, callOk, Device, type Lan, newPairing, serveHere, test } from './lan-support';

test.override({ jobs: 'inline' });

/** Opens the device's event stream; resolves once it is connected, with a promise of its end. */
function openStream(lan: Lan, d: Device): Promise<{ text: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: ADDRESS,
        port: lan.lan.port,
        path: '/api/events',
        ca: lan.credentials.caCert,
        checkServerIdentity: (_h, cert) => checkServerIdentity(ADDRESS, cert),
        agent: false,
        headers: { host: `${ADDRESS}:${lan.lan.port}`, cookie: d.cookie() },
      },
      (res) => {
        let text = '';
        const ended = new Promise<void>((done) => {
          res.on('end', done);
          res.on('close', done);
        });
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          const first = text === '';
          text += c;
          if (first) resolve({ text: () => text, ended });
        });
        if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe('revoking a device', () => {
  test('its next call is refused, its open event stream ends; the others go on', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    await env.userWithRoles('clerk1', ['clerk']);
    const pair = async () => {
      const d = new Device(lan);
      await d.pair({ token: (await newPairing(env.core, admin)).token });
      expect((await d.call('auth.login', { username: 'clerk1', password: 'correct-horse-1' })).json()).toMatchObject({
        ok: true,
      });
      return d;
    };
    const phone = await pair();
    const other = await pair();
    const stream = await openStream(lan, phone);
    const otherStream = await openStream(lan, other);
    expect(stream.text()).toContain(': connected');
    env.core.events.emit({ name: 'customer.changed', payload: { id: 1 } });

    const deviceId = env.core.sqlite
      .prepare('SELECT id FROM network_devices ORDER BY id LIMIT 1')
      .pluck()
      .get() as number;
    await callOk(env.core, admin, 'network.revoke', { deviceId, reason: '手机丢失' });

    await within(stream.ended, 2_000);
    expect((await phone.call('system.ping')).json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', messageKey: 'network.errors.deviceUnknown' },
    });
    expect((await phone.get('/')).text).toContain('此设备尚未配对');
    // the other device, its session and its stream are untouched
    expect((await other.call('system.ping')).json()).toMatchObject({ ok: true });
    env.core.events.emit({ name: 'customer.changed', payload: { id: 2 } });
    await within(
      (async () => {
        while (!otherStream.text().includes('"id":2')) await new Promise((r) => setTimeout(r, 20));
      })(),
      2_000,
    );
  });

  test('the listener ends the streams of the device named in network.deviceRevoked at once', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    await env.userWithRoles('clerk1', ['clerk']);
    const d = new Device(lan);
    await d.pair({ token: (await newPairing(env.core, admin)).token });
    await d.call('auth.login', { username: 'clerk1', password: 'correct-horse-1' });
    const stream = await openStream(lan, d);
    const deviceId = env.core.sqlite.prepare('SELECT id FROM network_devices').pluck().get() as number;
    env.core.events.emit({ name: 'network.deviceRevoked', payload: { deviceId: deviceId + 1 } });
    env.core.events.emit({ name: 'customer.changed', payload: { id: 3 } });
    await within(
      (async () => {
        while (!stream.text().includes('"id":3')) await new Promise((r) => setTimeout(r, 20));
      })(),
      2_000,
    );
    env.core.events.emit({ name: 'network.deviceRevoked', payload: { deviceId } });
    await within(stream.ended, 2_000);
  });
});
