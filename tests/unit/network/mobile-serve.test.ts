import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, MOBILE_CSP, securityHeaders } from '../../../electron/http/headers';
import { serveRenderer } from '../../../electron/http/renderer';
import { Device, newPairing, serveHere, test } from './lan-support';

test.override({ jobs: 'inline' });

const JS = `console.log(${JSON.stringify('x'.repeat(2000))});`;

/** a build as the two vite configs leave it: the desktop page, and the phone's under m/ */
function writeBuild(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'm', 'assets'), { recursive: true });
  if (!fs.existsSync(path.join(dir, 'index.html')))
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'm', 'index.html'), '<!doctype html><title>客户盘点</title>');
  fs.writeFileSync(path.join(dir, 'm', 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'm', 'manifest.webmanifest'), '{"name":"客户盘点","scope":"/m/"}');
  fs.writeFileSync(path.join(dir, 'm', 'assets', 'index-abc123.js'), JS);
  fs.writeFileSync(path.join(dir, 'm', 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(JS));
  fs.writeFileSync(
    path.join(dir, 'm', 'assets', 'zxing_reader-abc.wasm'),
    Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
  );
}

describe('the phone page /m/ on the loopback host', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-mserve-'));
  const app = Fastify();
  beforeAll(async () => {
    writeBuild(dir);
    // as host.ts: every answer gets the app's headers first
    app.addHook('onRequest', async (_req, reply) => securityHeaders(reply));
    await serveRenderer(app, dir);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves its page revalidated on every load, under its own policy', async () => {
    const r = await app.inject({ method: 'GET', url: '/m/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<title>客户盘点</title>');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toBe(MOBILE_CSP);
    expect(r.headers['x-frame-options']).toBe('DENY');
    const bare = await app.inject({ method: 'GET', url: '/m' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/m/');
  });

  it('the service worker and the manifest are never cached for long; the manifest is typed for browsers', async () => {
    const sw = await app.inject({ method: 'GET', url: '/m/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['content-security-policy']).toBe(MOBILE_CSP);
    const mf = await app.inject({ method: 'GET', url: '/m/manifest.webmanifest' });
    expect(mf.statusCode).toBe(200);
    expect(mf.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(mf.headers['cache-control']).toBe('no-cache');
  });

  it('hashed assets are immutable, sent compressed when asked, the decoder as application/wasm', async () => {
    const js = await app.inject({
      method: 'GET',
      url: '/m/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(js.rawPayload).toString()).toBe(JS);
    const wasm = await app.inject({ method: 'GET', url: '/m/assets/zxing_reader-abc.wasm' });
    expect(wasm.statusCode).toBe(200);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("the desktop page keeps the app's strict policy: no WebAssembly, no workers", async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toBe(APP_CSP);
    expect(APP_CSP).not.toContain('wasm-unsafe-eval');
    expect(MOBILE_CSP).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(MOBILE_CSP).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });
});

describe('the phone page /m/ on the office network', () => {
  test('answers paired devices only; a paired phone gets the page, its worker and its decoder', async ({
    env,
    admin,
    lan,
  }) => {
    writeBuild(path.join(env.dir, 'renderer'));
    const stranger = new Device(lan);
    for (const p of ['/m/', '/m/sw.js', '/m/manifest.webmanifest', '/m/assets/zxing_reader-abc.wasm']) {
      const r = await stranger.get(p);
      expect(r.status, p).toBe(403);
      expect(r.text, p).toContain('此设备尚未配对');
    }
    await serveHere(env.core, admin, lan);
    const { token } = await newPairing(env.core, admin);
    const phone = new Device(lan);
    expect((await phone.pair({ token })).status).toBe(200);
    const page = await phone.get('/m/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>客户盘点</title>');
    expect(page.headers['content-security-policy']).toBe(MOBILE_CSP);
    expect((await phone.get('/m/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await phone.get('/m/assets/zxing_reader-abc.wasm')).headers['content-type']).toBe('application/wasm');
  });
});
