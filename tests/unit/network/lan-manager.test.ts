import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { networkDir } from '../../../electron/core/network/certs';
import { listenerState } from '../../../electron/core/network/listener-state';
import { startLanManager } from '../../../electron/lan/manager';
import { callOk, httpGet, httpsRequest, rendererDir, test } from './lan-support';

test.override({ jobs: 'inline' });

/** A port free on that address now. */
function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, address, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Whether anything accepts connections on address:port. */
function listening(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: address, port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

describe('the LAN manager', () => {
  test('serves as configured, moves with the settings (new certificate for the new address), stops', async ({
    env,
    admin,
  }) => {
    const [port, trustPort] = [await freePort('127.0.0.2'), await freePort('127.0.0.2')];
    const manager = await startLanManager({ core: env.core, rendererDir: rendererDir(env) });
    expect(listenerState(env.core)).toEqual({ state: 'off', url: null, trustUrl: null, error: null });

    await callOk(env.core, admin, 'network.configure', { enabled: true, address: '127.0.0.2', port, trustPort });
    await until(() => listenerState(env.core).state === 'running', 'running on 127.0.0.2');
    expect(listenerState(env.core)).toEqual({
      state: 'running',
      url: `https://127.0.0.2:${port}/`,
      trustUrl: `http://127.0.0.2:${trustPort}/`,
      error: null,
    });
    const ca = (await httpGet(`http://127.0.0.2:${trustPort}/ca.crt`)).body;
    const caPem = new X509Certificate(ca).toString();
    const first = await httpsRequest({ address: '127.0.0.2', port, ca: caPem, path: '/pair' });
    expect(first.status).toBe(200);
    expect(first.peer?.subjectaltname).toBe('IP Address:127.0.0.2');

    const [port3, trust3] = [await freePort('127.0.0.3'), await freePort('127.0.0.3')];
    await callOk(env.core, admin, 'network.configure', {
      enabled: true,
      address: '127.0.0.3',
      port: port3,
      trustPort: trust3,
    });
    await until(() => listenerState(env.core).url === `https://127.0.0.3:${port3}/`, 'moved to 127.0.0.3');
    const moved = await httpsRequest({ address: '127.0.0.3', port: port3, ca: caPem, path: '/pair' });
    expect(moved.status).toBe(200);
    expect(moved.peer?.subjectaltname).toBe('IP Address:127.0.0.3');
    expect(await listening('127.0.0.2', port)).toBe(false);
    expect(await listening('127.0.0.2', trustPort)).toBe(false);
    expect((await httpGet(`http://127.0.0.3:${trust3}/ca.crt`)).body.equals(ca)).toBe(true); // the same CA

    await callOk(env.core, admin, 'network.configure', {
      enabled: false,
      address: '127.0.0.3',
      port: port3,
      trustPort: trust3,
    });
    await until(() => listenerState(env.core).state === 'off', 'off');
    expect(await listening('127.0.0.3', port3)).toBe(false);

    await manager.stop();
  });

  test('a restored backup is served as its settings say: a core that leaves its fault serves again', async ({
    env,
    admin,
  }) => {
    const [port, trustPort] = [await freePort('127.0.0.2'), await freePort('127.0.0.2')];
    await callOk(env.core, admin, 'network.configure', { enabled: true, address: '127.0.0.2', port, trustPort });
    const fault = env.core.fault;
    // the data is damaged at start: nothing is served
    env.core.fault = {
      kind: 'corrupt',
      dataDir: env.dir,
      file: 'kehu.db',
      detail: 'malformed',
      restore: null,
    } as never;
    const manager = await startLanManager({ core: env.core, rendererDir: rendererDir(env) });
    expect(listenerState(env.core).state).toBe('off');
    // 从备份恢复 (restoreDamaged): the core leaves the fault and ends every session as restored
    env.core.fault = fault;
    env.core.events.emit({ name: 'session.ended', payload: { reason: 'restored' } });
    await until(() => listenerState(env.core).state === 'running', 'running after the restore');
    expect(await listening('127.0.0.2', port)).toBe(true);
    await manager.stop();
  });

  test('a port in use: failed with the OS error code, and started once the port is free', async ({ env, admin }) => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.2', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    const trustPort = await freePort('127.0.0.2');
    await callOk(env.core, admin, 'network.configure', { enabled: true, address: '127.0.0.2', port, trustPort });
    const manager = await startLanManager({ core: env.core, rendererDir: rendererDir(env), retryEveryMs: 100 });
    expect(listenerState(env.core)).toEqual({ state: 'failed', url: null, trustUrl: null, error: 'EADDRINUSE' });
    expect(await listening('127.0.0.2', trustPort)).toBe(false);
    await new Promise<void>((r) => taken.close(() => r()));
    await until(() => listenerState(env.core).state === 'running', 'running after the port was freed');
    await manager.stop();
    expect(listenerState(env.core).state).toBe('off');
    expect(await listening('127.0.0.2', port)).toBe(false);
  });

  test('--lan: serves on the address given, not saved, while the setting stays off', async ({ env }) => {
    const port = await freePort('127.0.0.4');
    const manager = await startLanManager({
      core: env.core,
      rendererDir: rendererDir(env),
      override: { address: '127.0.0.4', port },
    });
    const state = listenerState(env.core);
    expect(state.state).toBe('running');
    expect(state.url).toBe(`https://127.0.0.4:${port}/`);
    expect(env.core.sqlite.prepare("SELECT count(*) FROM settings WHERE key = 'network.lan'").pluck().get()).toBe(0);
    await manager.stop();
    expect(await listening('127.0.0.4', port)).toBe(false);
  });

  test('the certificate check serves a renewed certificate without a restart', async ({ env, admin }) => {
    const [port, trustPort] = [await freePort('127.0.0.2'), await freePort('127.0.0.2')];
    await callOk(env.core, admin, 'network.configure', { enabled: true, address: '127.0.0.2', port, trustPort });
    const manager = await startLanManager({ core: env.core, rendererDir: rendererDir(env), checkEveryMs: 100 });
    const caPem = fs.readFileSync(path.join(networkDir(env.dir), 'ca.crt'), 'utf8');
    const served = async () =>
      (await httpsRequest({ address: '127.0.0.2', port, ca: caPem, path: '/pair' })).peer?.fingerprint256;
    const before = await served();
    expect(before).toBe(
      new X509Certificate(fs.readFileSync(path.join(networkDir(env.dir), 'server.crt'))).fingerprint256,
    );
    // the server certificate is gone (as if it were due): the next check makes one and serves it
    fs.rmSync(path.join(networkDir(env.dir), 'server.crt'));
    await until(() => fs.existsSync(path.join(networkDir(env.dir), 'server.crt')), 'a new certificate');
    const renewed = new X509Certificate(fs.readFileSync(path.join(networkDir(env.dir), 'server.crt'))).fingerprint256;
    expect(renewed).not.toBe(before);
    let now = before;
    for (let i = 0; i < 50 && now !== renewed; i++) {
      now = await served();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(now).toBe(renewed);
    expect(listenerState(env.core).url).toBe(`https://127.0.0.2:${port}/`);
    await manager.stop();
  });
});
