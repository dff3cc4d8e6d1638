import { describe, expect } from 'vitest';
import { Device, newPairing, serveHere, test } from './lan-support';

test.override({ jobs: 'inline' });

const CLERK_PASSWORD = 'correct-horse-1';

describe('pairing a browser', () => {
  test('the QR code token pairs it; a clerk signs in there and the log names the device', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    await env.userWithRoles('clerk1', ['clerk']);
    const { token, pairingId } = await newPairing(env.core, admin);
    const phone = new Device(lan);

    const paired = await phone.pair({ token });
    expect(paired.status).toBe(200);
    expect(paired.json()).toEqual({ ok: true, data: { kind: 'browser' } });
    const cookie = phone.setCookies.find((c) => c.startsWith('__Host-kh_device='));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=34560000/);
    const deviceId = env.core.sqlite
      .prepare('SELECT device_id FROM network_pairings WHERE id = ?')
      .pluck()
      .get(pairingId);
    expect(deviceId).toEqual(expect.any(Number));

    // the app now, and each person still signs in
    expect((await phone.get('/')).text).toContain('<title>app</title>');
    expect((await phone.call('customer.search', {})).json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const login = await phone.call('auth.login', { username: 'clerk1', password: CLERK_PASSWORD });
    expect(login.json()).toMatchObject({ ok: true });
    expect(phone.setCookies.find((c) => c.startsWith('__Host-kh_session='))).toMatch(
      /HttpOnly.*Secure|Secure.*HttpOnly/,
    );

    const created = (await phone.call('customer.create', { name: '手机录入商行', nature: 'other' })).json<{
      ok: boolean;
      data: { id: number };
    }>();
    expect(created.ok).toBe(true);
    const logRow = env.core.sqlite
      .prepare(
        "SELECT device_id AS deviceId, user_id AS userId FROM operation_log WHERE entity = 'customer' AND entity_id = ? AND action = 'create'",
      )
      .get(String(created.data.id)) as { deviceId: number; userId: number };
    expect(logRow.deviceId).toBe(deviceId);

    // the device's last sighting is recorded
    const seen = env.core.sqlite
      .prepare('SELECT last_seen_at, address FROM network_devices WHERE id = ?')
      .get(deviceId) as {
      last_seen_at: string | null;
      address: string;
    };
    expect(seen.address).toBe('127.0.0.1');
  });

  test('the same token again is refused, and pairs nothing', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { token } = await newPairing(env.core, admin);
    expect((await new Device(lan).pair({ token })).status).toBe(200);
    const second = new Device(lan);
    const again = await second.pair({ token });
    expect(again.status).toBe(403);
    expect(again.json()).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', messageKey: 'network.errors.pairingInvalid' },
    });
    expect(second.jar.size).toBe(0);
    expect(env.core.sqlite.prepare('SELECT count(*) FROM network_devices').pluck().get()).toBe(1);
  });

  test('an expired token is refused (valid 5 minutes)', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { token } = await newPairing(env.core, admin);
    env.clock.advanceMinutes(6);
    const d = new Device(lan);
    const r = await d.pair({ token });
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'network.errors.pairingExpired' } });
    expect(d.jar.size).toBe(0);
    expect((await d.call('system.ping')).status).toBe(401);
  });

  test('the short code typed by a person pairs too; a body that is neither is refused', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { shortCode } = await newPairing(env.core, admin);
    const d = new Device(lan);
    expect((await d.pair({ code: ` ${shortCode.toLowerCase()} ` })).json()).toEqual({
      ok: true,
      data: { kind: 'browser' },
    });
    expect(d.jar.has('__Host-kh_device')).toBe(true);
    for (const body of [{}, { token: '' }, { token: 'x', code: 'y' }, { token: 5 }]) {
      const r = await new Device(lan).request('POST', '/pair/redeem', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json().ok).toBe(false);
    }
    const large = await new Device(lan).request('POST', '/pair/redeem', { code: 'A'.repeat(2_000) });
    expect(large.status).toBe(413);
    expect(large.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'errors.bodyTooLarge' } });
  });
});

describe('pairing another PC’s app', () => {
  test('gets a device secret to send as a header, and the key hash to pin; no cookie', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { token } = await newPairing(env.core, admin, 'desktop');
    const app = new Device(lan);
    const r = (await app.pair({ token })).json<{
      ok: true;
      data: { kind: string; deviceSecret: string; spkiSha256: string };
    }>();
    expect(r.data.kind).toBe('desktop');
    expect(r.data.spkiSha256).toBe(lan.credentials.spkiSha256);
    expect(r.data.deviceSecret).toMatch(/^[\w-]{43}$/);
    expect(app.jar.size).toBe(0);
    const pc = new Device(lan, { 'x-device-secret': r.data.deviceSecret });
    expect((await pc.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).json()).toMatchObject({
      ok: true,
    });
    expect((await pc.call('system.ping')).json()).toMatchObject({ ok: true });
    // the session is the device's: without the secret, the same session cookie is no device at all
    const stolen = new Device(lan);
    for (const [k, v] of pc.jar) stolen.jar.set(k, v);
    expect((await stolen.call('system.ping')).status).toBe(401);
    expect((await pc.get('/')).text).toContain('<title>app</title>');
  });
});

describe('rate limits per address', () => {
  test('the 11th pairing attempt within a minute: 429 tooManyAttempts', async ({ lan }) => {
    const d = new Device(lan);
    for (let i = 0; i < 10; i++) {
      expect((await d.pair({ code: `WRONG${i}` })).json()).toMatchObject({
        error: { messageKey: 'network.errors.pairingInvalid' },
      });
    }
    const r = await d.pair({ code: 'WRONG10' });
    expect(r.status).toBe(429);
    expect(r.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'network.errors.tooManyAttempts' } });
  });

  test('the 21st sign-in within a minute: 429; other calls go on', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { token } = await newPairing(env.core, admin);
    const d = new Device(lan);
    await d.pair({ token });
    // cheap attempts: a user that does not exist (the answers are the same as for a wrong password)
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await d.call('auth.login', { username: `nobody${i}`, password: 'wrong-password' });
      codes.push(r.status === 429 ? 'limited' : (r.json().error?.code ?? 'ok'));
    }
    expect(codes.slice(0, 20).every((c) => c !== 'limited')).toBe(true);
    expect(codes[20]).toBe('limited');
    // other calls are not limited
    expect((await d.call('auth.status')).status).toBe(200);
  });
});
