import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { ADDRESS, Device, httpsRequest, test } from './lan-support';

test.override({ jobs: 'inline' });

const deviceUnknown = { ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'network.errors.deviceUnknown' } };

describe('a device that is not paired', () => {
  test('gets 401 deviceUnknown from every /api call, and nothing else', async ({ lan }) => {
    const d = new Device(lan);
    for (const channel of ['system.ping', 'auth.status', 'auth.login', 'customer.search']) {
      const r = await d.call(channel, channel === 'auth.login' ? { username: 'admin', password: 'admin-pass-1' } : {});
      expect(r.status, channel).toBe(401);
      expect(r.json(), channel).toEqual(deviceUnknown);
    }
    expect((await d.get('/api/events')).json()).toEqual(deviceUnknown);
    expect(d.jar.size).toBe(0);
  });

  test('a made-up device cookie or header is no device', async ({ lan }) => {
    const withCookie = new Device(lan);
    withCookie.jar.set('__Host-kh_device', 'A'.repeat(43));
    expect((await withCookie.call('system.ping')).json()).toEqual(deviceUnknown);
    const withHeader = new Device(lan, { 'x-device-secret': 'B'.repeat(43) });
    expect((await withHeader.call('system.ping')).json()).toEqual(deviceUnknown);
  });

  test('any page of the app is the not-paired page, which says how to pair', async ({ lan }) => {
    const d = new Device(lan);
    // `/pair/..` paths are sent as they are (Node does not normalise them), as curl --path-as-is would
    for (const p of [
      '/',
      '/index.html',
      '/customers/1',
      '/pair/../index.html',
      '/pair/../',
      '/pair/x',
      '/m/',
      '/m/index.html',
      '/m/icon-192.png/../index.html',
    ]) {
      const r = await d.get(p);
      expect(r.status, p).toBe(403);
      expect(r.headers['content-type'], p).toContain('text/html');
      expect(r.text, p).toContain('此设备尚未配对');
      expect(r.text, p).toContain('This device is not paired');
      expect(r.text, p).toContain('href="/pair"');
      expect(r.text, p).not.toContain('<title>app</title>');
    }
    expect((await d.request('POST', '/customers/1', {})).status).toBe(403);
  });

  test("may fetch the phone page's home-screen icons (a browser may fetch them without cookies), nothing else of it", async ({
    lan,
  }) => {
    const d = new Device(lan);
    const icon = await d.get('/m/icon-192.png');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect((await d.get('/m/icon-192.png?x=1')).status).toBe(200);
    expect((await d.get('/m/icon-193.png')).status).toBe(403);
  });

  test('may open the pairing page, whose only script is admitted by its hash', async ({ lan }) => {
    const r = await new Device(lan).get('/pair');
    expect(r.status).toBe(200);
    expect(r.text).toContain('/pair/redeem');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['strict-transport-security']).toBeUndefined();
    // the browser runs the page's script and style only if their hashes are the ones the CSP names
    const sha = (t: string) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(r.text)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(r.text)?.[1] ?? '';
    expect(csp).toContain(`script-src ${sha(script)};`);
    expect(csp).toContain(`style-src ${sha(style)};`);
    expect(() => new Function(script)).not.toThrow();
  });
});

describe('requests that do not name this server', () => {
  test('a wrong Host header: 421, in the contract shape on /api', async ({ lan }) => {
    const ask = (host: string, path = '/api/system.ping') =>
      httpsRequest({ port: lan.lan.port, ca: lan.credentials.caCert, path, method: 'POST', headers: { host } });
    const r = await ask(`evil.example:${lan.lan.port}`);
    expect(r.status).toBe(421);
    expect(r.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'errors.misdirected' } });
    expect((await ask(`127.0.0.1:${lan.lan.port}`)).status).toBe(421);
    expect((await ask(`${ADDRESS}:1`, '/pair/redeem')).status).toBe(421);
    expect((await ask(`${ADDRESS}:${lan.lan.port}`)).status).toBe(401);
  });

  test('a foreign Origin: 403; our own origin and none pass on', async ({ lan }) => {
    const ask = (origin: string) => new Device(lan).request('POST', '/api/system.ping', {}, { origin });
    for (const origin of [
      'https://evil.example',
      `http://${ADDRESS}:${lan.lan.port}`,
      `https://${ADDRESS}:${lan.lan.port + 1}`,
    ]) {
      const r = await ask(origin);
      expect(r.status, origin).toBe(403);
      expect(r.json(), origin).toEqual({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.foreignOrigin' } });
    }
    expect((await ask(`https://${ADDRESS}:${lan.lan.port}`)).status).toBe(401);
  });
});
