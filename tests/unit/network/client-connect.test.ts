import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect } from 'vitest';
import { connect } from '../../../electron/client/connect';
import { type ClientLaunch, launchFile, readLaunch } from '../../../electron/client/launch-file';
import { postPinned } from '../../../electron/client/pinned-request';
import { moveServer, probeServer } from '../../../electron/client/reach';
import { ensureCredentials, networkDir } from '../../../electron/core/network/certs';
import { pairingState } from '../../../electron/core/network/pairing';
import { startLan } from '../../../electron/lan/listener';
import { ADDRESS, callOk, newPairing, rendererDir, serveHere, test } from './lan-support';

test.override({ jobs: 'inline' });

const pairingsUsed = (env: { core: { sqlite: { prepare(s: string): { pluck(): { get(): unknown } } } } }) =>
  env.core.sqlite.prepare('SELECT count(*) FROM network_pairings WHERE used_at IS NOT NULL').pluck().get();

describe('connecting this PC to the office server (连接到办公室服务器)', () => {
  test('with the QR code: launch.json holds the CA and the secret; calls then work, pinned', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    const { url, pairingId } = await newPairing(env.core, admin, 'desktop');
    const dataDir = `${env.dir}/client`;

    const r = await connect(url, { dataDir });
    expect(r).toMatchObject({ ok: true });
    const launch = readLaunch(dataDir) as ClientLaunch;
    expect(launch).toEqual({
      mode: 'client',
      serverUrl: lan.lan.url,
      caCert: expect.stringContaining('BEGIN CERTIFICATE'),
      deviceSecret: expect.stringMatching(/^[\w-]{43}$/),
      pairedAt: expect.any(String),
    });
    expect(new X509Certificate(launch.caCert).fingerprint256).toBe(lan.credentials.caFingerprint);
    if (process.platform !== 'win32') expect(fs.statSync(launchFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(pairingState(env.core, pairingId).state).toBe('paired');

    // the stored secret and the pinned CA: the API answers as to a paired device
    expect(await probeServer(launch)).toBe('ok');
    const login = await postPinned({
      address: ADDRESS,
      port: lan.lan.port,
      caPem: launch.caCert,
      path: '/api/auth.login',
      body: { username: 'admin', password: 'admin-pass-1' },
      deviceSecret: launch.deviceSecret,
    });
    expect(login.json).toMatchObject({ ok: true });
    // without the secret the same server refuses
    const stranger = await postPinned({
      address: ADDRESS,
      port: lan.lan.port,
      caPem: launch.caCert,
      path: '/api/auth.status',
      body: {},
    });
    expect(stranger.status).toBe(401);
  });

  test('a key hash in the QR code that is not the server’s: refused before the token is sent', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    const { url, pairingId } = await newPairing(env.core, admin, 'desktop');
    const dataDir = `${env.dir}/client`;
    const forged = url.replace(/spki=[^&]+/, `spki=${encodeURIComponent(Buffer.alloc(32, 7).toString('base64'))}`);

    expect(await connect(forged, { dataDir })).toEqual({ ok: false, messageKey: 'launch.errors.certificateMismatch' });
    expect(pairingState(env.core, pairingId).state).toBe('waiting');
    expect(pairingsUsed(env)).toBe(0);
    expect(readLaunch(dataDir)).toBeNull();
    // the real one still pairs
    expect(await connect(url, { dataDir })).toMatchObject({ ok: true });
  });

  test('a used or expired token: refused with its own message, nothing written', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const first = await newPairing(env.core, admin, 'desktop');
    const dataDir = `${env.dir}/client`;
    expect(await connect(first.url, { dataDir: `${env.dir}/other` })).toMatchObject({ ok: true });
    expect(await connect(first.url, { dataDir })).toEqual({ ok: false, messageKey: 'launch.errors.codeInvalid' });

    const second = await newPairing(env.core, admin, 'desktop');
    env.clock.advanceMinutes(6);
    expect(await connect(second.url, { dataDir })).toEqual({ ok: false, messageKey: 'launch.errors.codeExpired' });
    expect(fs.existsSync(launchFile(dataDir))).toBe(false);
  });

  test('a pairing made for a browser is not taken as this PC’s', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const { url } = await newPairing(env.core, admin, 'browser');
    const dataDir = `${env.dir}/client`;
    expect(await connect(url, { dataDir })).toEqual({ ok: false, messageKey: 'launch.errors.browserPairing' });
    expect(readLaunch(dataDir)).toBeNull();
  });

  test('typed: address and short code; the CA fingerprint is shown to compare before the code is sent', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    const { shortCode, pairingId } = await newPairing(env.core, admin, 'desktop');
    const dataDir = `${env.dir}/client`;
    const typed = ` ${shortCode.toLowerCase().replace('-', ' ')} `;
    const address = `${ADDRESS}:${lan.lan.port}`;

    const asked = await connect(typed, { dataDir, address });
    expect(asked).toEqual({
      ok: false,
      confirm: { caFingerprint: lan.credentials.caFingerprint, server: address },
    });
    expect(pairingState(env.core, pairingId).state).toBe('waiting');
    // a fingerprint that is not this server's: asked again, nothing sent
    expect(await connect(typed, { dataDir, address, confirmedCa: 'AA:BB' })).toMatchObject({ confirm: {} });
    expect(pairingState(env.core, pairingId).state).toBe('waiting');

    const done = await connect(typed, { dataDir, address, confirmedCa: lan.credentials.caFingerprint });
    expect(done).toMatchObject({ ok: true, launch: { serverUrl: lan.lan.url } });
    expect(await probeServer(readLaunch(dataDir) as ClientLaunch)).toBe('ok');
  });

  test('no server at the address: unreachable; a wrong code: codeInvalid', async ({ env, admin, lan }) => {
    await serveHere(env.core, admin, lan);
    const dataDir = `${env.dir}/client`;
    // the trust server speaks plain HTTP: no TLS there
    expect(await connect('ABCD-EFGH', { dataDir, address: `${ADDRESS}:${lan.trust.port}` })).toEqual({
      ok: false,
      messageKey: 'launch.errors.notServer',
    });
    const closed = await startLan({
      core: env.core,
      rendererDir: rendererDir(env),
      address: ADDRESS,
      port: 0,
      trustPort: 5080,
      credentials: lan.credentials,
    });
    const freePort = closed.port;
    await closed.close();
    expect(await connect('ABCD-EFGH', { dataDir, address: `${ADDRESS}:${freePort}` })).toEqual({
      ok: false,
      messageKey: 'launch.errors.unreachable',
    });
    const address = `${ADDRESS}:${lan.lan.port}`;
    const wrong = await connect('ABCD-EFGH', {
      dataDir,
      address,
      confirmedCa: lan.credentials.caFingerprint,
    });
    expect(wrong).toEqual({ ok: false, messageKey: 'launch.errors.codeInvalid' });
  });
});

describe('a paired PC later (the offline page’s retries)', () => {
  test('a renewed server key (same CA) is accepted; revoked: told so; server gone: unreachable', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    const { url } = await newPairing(env.core, admin, 'desktop');
    const r = await connect(url, { dataDir: `${env.dir}/client` });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const launch = r.launch;

    // the server makes a new key and certificate (the CA stays): the client still trusts it
    const dir = networkDir(env.dir);
    fs.rmSync(`${dir}/server.crt`);
    const renewed = ensureCredentials(dir, ADDRESS, new Date());
    expect(renewed.spkiSha256).not.toBe(lan.credentials.spkiSha256);
    lan.lan.setCredentials(renewed);
    expect(await probeServer(launch)).toBe('ok');

    // another CA at the address: refused
    const foreignDir = `${env.dir}/foreign`;
    lan.lan.setCredentials(ensureCredentials(foreignDir, ADDRESS, new Date()));
    expect(await probeServer(launch)).toBe('certificate');
    lan.lan.setCredentials(renewed);

    // 撤销 on the server
    const device = env.core.sqlite.prepare('SELECT id FROM network_devices').pluck().get() as number;
    await callOk(env.core, admin, 'network.revoke', { deviceId: device, reason: null });
    expect(await probeServer(launch)).toBe('revoked');
  });

  test('the server PC got another address: moved with the same CA and secret, no new pairing', async ({
    env,
    admin,
    lan,
  }) => {
    await serveHere(env.core, admin, lan);
    const { url } = await newPairing(env.core, admin, 'desktop');
    const dataDir = `${env.dir}/client`;
    const r = await connect(url, { dataDir });
    if (!r.ok) throw new Error(JSON.stringify(r));

    // the same server on 127.0.0.1, with a certificate for it from the same CA
    const moved = await startLan({
      core: env.core,
      rendererDir: rendererDir(env),
      address: '127.0.0.1',
      port: 0,
      trustPort: 5080,
      credentials: ensureCredentials(networkDir(env.dir), '127.0.0.1', new Date()),
    });
    try {
      expect(await moveServer(dataDir, r.launch, '127.0.0.9')).toEqual({
        ok: false,
        messageKey: 'launch.errors.unreachable',
      });
      expect(await moveServer(dataDir, r.launch, `127.0.0.1:${moved.port}`)).toMatchObject({ ok: true });
      const now = readLaunch(dataDir) as ClientLaunch;
      expect(now).toEqual({ ...r.launch, serverUrl: moved.url });
      expect(await probeServer(now)).toBe('ok');
    } finally {
      await moved.close();
    }
  });
});
