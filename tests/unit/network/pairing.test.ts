import { describe, expect } from 'vitest';
import { deviceBySecret } from '../../../electron/core/network/devices';
import { setListenerState } from '../../../electron/core/network/listener-state';
import { issueCredentials } from '../../../electron/core/network/network.jobs';
import { redeemPairing } from '../../../electron/core/network/pairing';
import { SHORT_CODE_ALPHABET } from '../../../electron/core/network/shared/network.contract';
import { test as base } from '../support/fixtures';
import { snapshot } from '../support/test-core';
import { net, netOk, serve, tableText } from './support';

const test = base.override({ jobs: 'inline' });
const META = {
  address: '127.0.0.9',
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
};
const tokenOf = (url: string) => new URL(url).hash.match(/t=([^&]+)/)?.[1] ?? '';
const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

describe('network.pairStart', () => {
  test('is refused while serving is off, and writes nothing', async ({ env, admin }) => {
    const before = snapshot(env.core);
    expect(await net(env.core, admin, 'network.pairStart', { kind: 'browser', name: null })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', messageKey: 'network.errors.notServing' },
    });
    expect(snapshot(env.core)).toBe(before);
  });

  test('gives the address to open (token, public-key hash), a short code, the end in 5 minutes; logs', async ({
    env,
    admin,
  }) => {
    const s = await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: '前台手机' });
    const spki = s.serverCert?.spkiSha256 ?? '';
    expect(p.spkiSha256).toBe(spki);
    expect(p.url).toMatch(/^https:\/\/127\.0\.0\.2:5443\/pair#t=[A-Za-z0-9_-]{43}&spki=/);
    expect(new URLSearchParams(new URL(p.url).hash.slice(1)).get('spki')).toBe(spki);
    expect(p.shortCode).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{4}-[${SHORT_CODE_ALPHABET}]{4}$`));
    expect(p.expiresAt).toBe(new Date(env.clock.now().getTime() + 5 * 60_000).toISOString());
    expect(await netOk(env.core, admin, 'network.pairing', { pairingId: p.pairingId })).toEqual({
      state: 'waiting',
      device: null,
    });
    const log = env.core.sqlite
      .prepare("SELECT action, entity_id AS entityId FROM operation_log WHERE entity = 'networkPairing'")
      .all();
    expect(log).toEqual([{ action: 'create', entityId: String(p.pairingId) }]);
  });

  test('uses the running listener where the shell serves without the setting (npm run web -- --lan)', async ({
    env,
    admin,
  }) => {
    const creds = await issueCredentials(env.core, '127.0.0.5');
    setListenerState(env.core, {
      state: 'running',
      url: 'https://127.0.0.5:6443/',
      trustUrl: 'http://127.0.0.5:6080/',
      error: null,
    });
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'desktop', name: null });
    expect(p.url.startsWith('https://127.0.0.5:6443/pair#t=')).toBe(true);
    expect(p.spkiSha256).toBe(creds.spkiSha256);
    setListenerState(env.core, { state: 'off', url: null, trustUrl: null, error: null });
    expect(await net(env.core, admin, 'network.pairStart', { kind: 'desktop', name: null })).toMatchObject({
      ok: false,
      error: { messageKey: 'network.errors.notServing' },
    });
  });
});

describe('redeeming a pairing', () => {
  test('the token admits one device once; the second use is refused', async ({ env, admin }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    const paired = redeemPairing(env.core, { token: tokenOf(p.url) }, META);
    expect(paired.kind).toBe('browser');
    expect(paired.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deviceBySecret(env.core, paired.secret)).toEqual({
      id: paired.deviceId,
      name: 'Android 手机 (Chrome)',
      kind: 'browser',
    });
    expect(() => redeemPairing(env.core, { token: tokenOf(p.url) }, META)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', messageKey: 'network.errors.pairingInvalid' }),
    );
    expect(() => redeemPairing(env.core, { code: p.shortCode }, META)).toThrow(
      expect.objectContaining({ messageKey: 'network.errors.pairingInvalid' }),
    );
    const state = await netOk(env.core, admin, 'network.pairing', { pairingId: p.pairingId });
    expect(state.state).toBe('paired');
    expect(state.device).toMatchObject({
      id: paired.deviceId,
      address: '127.0.0.9',
      pairedByName: '系统管理员',
      sessions: 0,
    });
    expect(env.core.sqlite.prepare('SELECT count(*) FROM network_devices').pluck().get()).toBe(1);
  });

  test('the short code works typed in lower case with a space, or full-width', async ({ env, admin }) => {
    await serve(env.core, admin);
    const a = await netOk(env.core, admin, 'network.pairStart', { kind: 'desktop', name: '财务室电脑' });
    const typed = `${a.shortCode.slice(0, 4).toLowerCase()} ${a.shortCode.slice(5).toLowerCase()}`;
    const one = redeemPairing(env.core, { code: typed }, { address: '127.0.0.9', userAgent: null });
    expect(deviceBySecret(env.core, one.secret)).toEqual({ id: one.deviceId, name: '财务室电脑', kind: 'desktop' });
    const b = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    const two = redeemPairing(env.core, { code: fullWidth(b.shortCode) }, META);
    expect(two.deviceId).not.toBe(one.deviceId);
    expect(() => redeemPairing(env.core, { code: 'ABCD-EFGH' }, META)).toThrow(
      expect.objectContaining({ messageKey: 'network.errors.pairingInvalid' }),
    );
  });

  test('an expired pairing is refused and admits nobody', async ({ env, admin }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    env.clock.advanceMinutes(5);
    const before = snapshot(env.core);
    expect(() => redeemPairing(env.core, { token: tokenOf(p.url) }, META)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', messageKey: 'network.errors.pairingExpired' }),
    );
    expect(() => redeemPairing(env.core, { code: p.shortCode }, META)).toThrow(
      expect.objectContaining({ messageKey: 'network.errors.pairingExpired' }),
    );
    expect(snapshot(env.core)).toBe(before);
  });

  test('keeps only hashes: no token, code or secret in any row; the log names the admin (on this PC) and the new device as its subject', async ({
    env,
    admin,
  }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    const token = tokenOf(p.url);
    const paired = redeemPairing(env.core, { token }, META);
    const rows = tableText(env.core, ['network_pairings', 'network_devices', 'operation_log', 'settings']);
    for (const secret of [token, p.shortCode, p.shortCode.replace('-', ''), paired.secret])
      expect(rows).not.toContain(secret);
    expect(rows).toMatch(/[0-9a-f]{64}/);
    const log = env.core.sqlite
      .prepare(
        "SELECT user_id AS userId, user_name AS userName, device_id AS deviceId, entity_id AS entityId FROM operation_log WHERE entity = 'networkDevice' AND action = 'pair'",
      )
      .all();
    const adminId = env.core.sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get();
    expect(log).toEqual([
      { userId: adminId, userName: '系统管理员', deviceId: null, entityId: String(paired.deviceId) },
    ]);
  });

  test('network.pairing says expired once the time is over, and not found for an unknown id', async ({
    env,
    admin,
  }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    env.clock.advanceMinutes(6);
    expect(await netOk(env.core, admin, 'network.pairing', { pairingId: p.pairingId })).toEqual({
      state: 'expired',
      device: null,
    });
    expect(await net(env.core, admin, 'network.pairing', { pairingId: p.pairingId + 100 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'network.errors.notFound' },
    });
  });

  test('取消 ends a waiting pairing at once: its code no longer pairs, and the log says so', async ({ env, admin }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    expect(await netOk(env.core, admin, 'network.pairCancel', { pairingId: p.pairingId })).toEqual({
      state: 'expired',
      device: null,
    });
    expect(() => redeemPairing(env.core, { code: p.shortCode }, META)).toThrow(
      expect.objectContaining({ messageKey: 'network.errors.pairingExpired' }),
    );
    const rows = env.core.sqlite
      .prepare("SELECT action FROM operation_log WHERE entity = 'networkPairing' AND entity_id = ? ORDER BY id")
      .pluck()
      .all(String(p.pairingId));
    expect(rows).toEqual(['create', 'cancel']);
  });

  test('取消 after the device paired changes nothing; an unknown pairing is not found', async ({ env, admin }) => {
    await serve(env.core, admin);
    const p = await netOk(env.core, admin, 'network.pairStart', { kind: 'browser', name: null });
    const paired = redeemPairing(env.core, { token: tokenOf(p.url) }, META);
    const before = snapshot(env.core);
    const after = await netOk(env.core, admin, 'network.pairCancel', { pairingId: p.pairingId });
    expect(after).toMatchObject({ state: 'paired', device: { id: paired.deviceId } });
    expect(snapshot(env.core)).toBe(before);
    expect(await net(env.core, admin, 'network.pairCancel', { pairingId: p.pairingId + 100 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'network.errors.notFound' },
    });
  });
});
