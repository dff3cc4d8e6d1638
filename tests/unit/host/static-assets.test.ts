import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from '../../../build/precompress.mjs';
import type { RunningHost } from '../../../electron/host';
import { test } from './support';

// Issue 14 goal 5: the host sends the build's precompressed copies when the browser takes them,
// lets the browser keep hashed assets for good and revalidate the page itself on every load.

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (node:http: no Accept-Encoding unless given, the body as it came over the wire). */
function get(host: RunningHost, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: urlPath, headers: { 'x-host-token': host.token, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `客户 ${i}`))};\n`;
const PAGE = `<!doctype html><title>app</title><div id="root">${'<i></i>'.repeat(300)}</div>`;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A renderer folder as the build leaves it: a hashed script and the page, each with .br and .gz copies. */
function writeBuild(dir: string) {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  const files = { 'assets/index-Ab12Cd34.js': SCRIPT, 'index.html': PAGE };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
  }
}

describe('host: compressed and cached renderer files', () => {
  test('a hashed asset: brotli or gzip when accepted, the plain file otherwise; cached for good either way', async ({
    host,
    env,
  }) => {
    const dir = path.join(env.dir, 'renderer');
    writeBuild(dir);
    const url = '/assets/index-Ab12Cd34.js';

    const br = await get(host, url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get(host, url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const plain = await get(host, url, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);
      expect(plain.headers['cache-control']).toBe(IMMUTABLE);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  test('the page itself is compressed too but revalidated on every load, at / and by name', async ({ host, env }) => {
    writeBuild(path.join(env.dir, 'renderer'));
    for (const url of ['/', '/index.html']) {
      const page = await get(host, url, { 'accept-encoding': 'br' });
      expect(page.status, url).toBe(200);
      expect(page.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(page.body).toString(), url).toBe(PAGE);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
    }
    const plain = await get(host, '/');
    expect(plain.body.toString()).toBe(PAGE);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  test('a page without compressed copies is still served when the browser accepts compression', async ({ host }) => {
    // the fixture's one-line index.html has no .br/.gz beside it
    const page = await get(host, '/', { 'accept-encoding': 'gzip, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toContain('<title>app</title>');
  });

  test('a missing asset is a 404, whatever the encoding', async ({ host, env }) => {
    writeBuild(path.join(env.dir, 'renderer'));
    expect((await get(host, '/assets/nothing-12345678.js', { 'accept-encoding': 'br' })).status).toBe(404);
    expect((await get(host, '/assets/nothing-12345678.js')).status).toBe(404);
  });
});

describe('build: precompressed copies', () => {
  it('writes .br and .gz beside every text file worth compressing, and none beside tiny ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-precompress-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'assets/a-1.js'), SCRIPT);
      fs.writeFileSync(path.join(dir, 'assets/tiny-2.js'), 'export{}');
      fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
      const plugin = precompress() as unknown as {
        configResolved(c: { root: string; build: { outDir: string } }): void;
        writeBundle(o: unknown, bundle: Record<string, unknown>): Promise<void>;
      };
      plugin.configResolved({ root: dir, build: { outDir: '.' } });
      await plugin.writeBundle({}, { 'assets/a-1.js': {}, 'assets/tiny-2.js': {}, 'index.html': {} });
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'assets/a-1.js.br'))).toString()).toBe(SCRIPT);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'assets/a-1.js.gz'))).toString()).toBe(SCRIPT);
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'index.html.br'))).toString()).toBe(PAGE);
      expect(fs.existsSync(path.join(dir, 'assets/tiny-2.js.br'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
