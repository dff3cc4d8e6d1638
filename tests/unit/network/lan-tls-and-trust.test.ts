import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { describe, expect } from 'vitest';
import { ensureCredentials, networkDir } from '../../../electron/core/network/certs';
import { tempDir } from '../support/test-core';
import { ADDRESS, httpGet, httpsRequest, test } from './lan-support';

test.override({ jobs: 'inline' });

/** A plain-HTTP request to a port: its status, or the error the connection ended with. */
function plainHttp(port: number): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: ADDRESS, port, path: '/api/system.ping', method: 'POST', agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.end('{}');
  });
}

describe('the LAN port speaks HTTPS only', () => {
  test('plain HTTP gets no HTTP answer: the connection is closed', async ({ lan }) => {
    const r = await plainHttp(lan.lan.port);
    expect(r).not.toHaveProperty('status');
    expect(r).toHaveProperty('error');
  });

  test('HTTPS is verified against the local CA alone, for the address it serves', async ({ lan }) => {
    const a = await httpsRequest({ port: lan.lan.port, ca: lan.credentials.caCert, path: '/pair' });
    expect(a.status).toBe(200);
    expect(a.peer?.subjectaltname).toBe(`IP Address:${ADDRESS}`);
    // another CA (another data folder's) does not vouch for this server
    const elsewhere = tempDir();
    const other = ensureCredentials(networkDir(elsewhere), ADDRESS, new Date());
    fs.rmSync(elsewhere, { recursive: true, force: true });
    await expect(httpsRequest({ port: lan.lan.port, ca: other.caCert, path: '/pair' })).rejects.toThrow();
  });

  test('a renewed certificate is served from the next connection on, without a restart', async ({ env, lan }) => {
    const dir = networkDir(env.dir);
    fs.rmSync(`${dir}/server.crt`);
    const renewed = ensureCredentials(dir, ADDRESS, new Date());
    expect(renewed.renewed).toBe(true);
    expect(renewed.spkiSha256).not.toBe(lan.credentials.spkiSha256);
    const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
    const before = await httpsRequest({ port: lan.lan.port, ca: lan.credentials.caCert, path: '/pair' });
    expect(before.peer?.fingerprint256).toBe(fingerprint(lan.credentials.cert));
    lan.lan.setCredentials(renewed);
    const after = await httpsRequest({ port: lan.lan.port, ca: lan.credentials.caCert, path: '/pair' });
    expect(after.status).toBe(200);
    expect(after.peer?.fingerprint256).toBe(fingerprint(renewed.cert));
  });
});

describe('the trust server (plain HTTP)', () => {
  test('serves the CA certificate as DER for Android and Windows', async ({ lan }) => {
    const r = await httpGet(`${lan.trust.url}/ca.crt`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+\.crt"$/);
    const ca = new X509Certificate(r.body);
    expect(ca.ca).toBe(true);
    expect(ca.fingerprint256).toBe(lan.credentials.caFingerprint);
    expect(new X509Certificate(lan.credentials.cert).checkIssued(ca)).toBe(true);
  });

  test('serves an Apple profile holding the CA, with identifiers that stay the same', async ({ lan }) => {
    const r = await httpGet(`${lan.trust.url}/ca.mobileconfig`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-apple-aspen-config');
    const xml = r.body.toString('utf8');
    const der = new X509Certificate(lan.credentials.caCert).raw.toString('base64');
    const data = /<data>([\s\S]*?)<\/data>/.exec(xml)?.[1].replace(/\s/g, '');
    expect(data).toBe(der);
    expect(xml).toContain('<string>com.apple.security.root</string>');
    expect(xml).toContain('<string>Configuration</string>');
    const uuids = [...xml.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)<\/string>/g)].map((m) => m[1]);
    expect(uuids).toHaveLength(2);
    for (const u of uuids) expect(u).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
    const again = (await httpGet(`${lan.trust.url}/ca.mobileconfig`)).body.toString('utf8');
    expect(again).toBe(xml);
  });

  test('its page gives the steps, the fingerprint and the way to pairing', async ({ lan }) => {
    const r = await httpGet(`${lan.trust.url}/`);
    expect(r.status).toBe(200);
    const html = r.body.toString('utf8');
    expect(html).toContain(lan.credentials.caFingerprint);
    expect(html).toContain(`https://${ADDRESS}:${lan.lan.port}/pair`);
    expect(html).toContain('加密与凭据');
    expect(html).toContain('证书信任设置');
    expect(html).toContain('受信任的根证书颁发机构');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  test('answers nothing else: no API, no app, no pairing on plain HTTP', async ({ lan }) => {
    for (const p of ['/api/system.ping', '/api/events', '/pair', '/pair/redeem', '/index.html', '/assets/index.js']) {
      expect((await httpGet(`${lan.trust.url}${p}`)).status, p).toBe(404);
    }
    expect((await httpGet(`${lan.trust.url}/api/system.ping`, 'POST')).status).toBe(404);
    expect((await httpGet(`${lan.trust.url}/pair/redeem`, 'POST')).status).toBe(404);
  });
});
