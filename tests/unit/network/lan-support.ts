import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { checkServerIdentity, type TLSSocket } from 'node:tls';
import type { Core } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/dispatch';
import { type Credentials, ensureCredentials, networkDir } from '../../../electron/core/network/certs';
import { setListenerState } from '../../../electron/core/network/listener-state';
import { type RunningLan, startLan } from '../../../electron/lan/listener';
import { type RunningTrust, startTrust } from '../../../electron/lan/trust';
import { test as base } from '../support/fixtures';
import type { TestClient, TestEnv } from '../support/test-core';

export const ADDRESS = '127.0.0.2';

export interface Lan {
  lan: RunningLan;
  trust: RunningTrust;
  credentials: Credentials;
}

/** A folder with a one-line renderer, as the host's tests have. */
export function rendererDir(env: TestEnv): string {
  const dir = path.join(env.dir, 'renderer');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  // the phone page's entry and its home-screen icon
  fs.mkdirSync(path.join(dir, 'm'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'm', 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'm', 'icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  return dir;
}

/**
 * `lan`: the LAN listener and the trust server on 127.0.0.2 (free ports), with the core's own CA
 * and a server certificate for the address (certs.ts, in the data folder, as the job makes them).
 * Files using it run jobs inline (`test.override({ jobs: 'inline' })`): network.configure makes
 * its certificate through one.
 */
export const test = base.extend<{ lan: Lan }>({
  lan: async ({ env }, use) => {
    const credentials = ensureCredentials(networkDir(env.dir), ADDRESS, new Date());
    const lan = await startLan({
      core: env.core,
      rendererDir: rendererDir(env),
      address: ADDRESS,
      port: 0,
      trustPort: 5080,
      credentials,
    });
    const trust = await startTrust({ address: ADDRESS, port: 0, lanPort: lan.port, credentials });
    // reported as the manager reports it (network.status, pairing)
    setListenerState(env.core, { state: 'running', url: `${lan.url}/`, trustUrl: `${trust.url}/`, error: null });
    await use({ lan, trust, credentials });
    await Promise.all([lan.close(), trust.close()]);
  },
});

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = { ok: boolean; data?: unknown; error?: { code: string; messageKey: string } }>(): T;
  /** the server certificate the connection was made with */
  peer: { subjectaltname?: string; fingerprint256?: string } | null;
}

/** One HTTPS request to `address:port` trusting only the given CA (no checks turned off). */
export function httpsRequest(opts: {
  address?: string;
  port: number;
  ca: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Answer> {
  const address = opts.address ?? ADDRESS;
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: address,
        port: opts.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        ca: opts.ca,
        // the certificate is checked against the address connected to, not a Host header a test forges
        checkServerIdentity: (_host, cert) => checkServerIdentity(address, cert),
        agent: false,
        headers: { host: `${address}:${opts.port}`, ...opts.headers },
      },
      (res) => {
        const peer = (res.socket as TLSSocket).getPeerCertificate?.() ?? null;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: () => JSON.parse(text),
            peer,
          });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A plain-HTTP GET (the trust server). */
export function httpGet(
  url: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A device as a browser on it would be: keeps its cookies, sends them back. */
export class Device {
  readonly jar = new Map<string, string>();
  readonly setCookies: string[] = [];
  constructor(
    private readonly lan: Lan,
    private readonly extra: Record<string, string> = {},
  ) {}

  cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const h: Record<string, string> = { ...this.extra, ...headers };
    if (this.jar.size) h.cookie = this.cookie();
    if (body !== undefined) h['content-type'] = 'application/json';
    const a = await httpsRequest({
      port: this.lan.lan.port,
      ca: this.lan.credentials.caCert,
      method,
      path: p,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = a.headers['set-cookie'] ?? [];
    for (const c of set) {
      this.setCookies.push(c);
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i);
      const v = pair.slice(i + 1);
      if (v && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.jar.set(k, v);
      else this.jar.delete(k);
    }
    return a;
  }

  get(p: string): Promise<Answer> {
    return this.request('GET', p);
  }

  call(channel: string, input: unknown = {}): Promise<Answer> {
    return this.request('POST', `/api/${channel}`, input);
  }

  pair(proof: { token: string } | { code: string }): Promise<Answer> {
    return this.request('POST', '/pair/redeem', proof);
  }
}

/** A call through the dispatcher by channel name (the network's channels), its data or a thrown refusal. */
export async function callOk<T>(core: Core, client: TestClient, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(core, channel, input, client);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** Serving switched on for the listener's address and port (as the admin would on the page). */
export async function serveHere(core: Core, admin: TestClient, lan: Lan): Promise<void> {
  const settings = { enabled: true, address: ADDRESS, port: lan.lan.port, trustPort: lan.trust.port };
  await callOk(core, admin, 'network.configure', settings);
}

/** 添加设备 as the admin: the QR code's token, the short code and the pairing id. */
export async function newPairing(core: Core, admin: TestClient, kind: 'browser' | 'desktop' = 'browser') {
  const p = await callOk<{ pairingId: number; url: string; shortCode: string; spkiSha256: string }>(
    core,
    admin,
    'network.pairStart',
    { kind, name: null },
  );
  const token = /#t=([^&]+)/.exec(p.url)?.[1];
  if (!token) throw new Error(`no token in ${p.url}`);
  return { ...p, token };
}
