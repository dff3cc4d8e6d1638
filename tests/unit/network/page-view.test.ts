import { describe, expect, it } from 'vitest';
import type { NetworkStatus } from '../../../electron/core/network/shared/network.contract';
import {
  addressOptions,
  crossFieldIssue,
  fingerprintLines,
  goneAddress,
  listenerErrorText,
  listenerSettled,
  onlyLoopback,
  pairPageUrl,
  remaining,
  serverOrigin,
} from '../../../renderer/src/features/network/networkView';

// What the 办公室网络 page derives from the core's answers: the listener's failure in words, when a
// saved change has taken effect, the address select, the form's rules across fields, the countdown.

const settings = { enabled: true, address: '192.168.1.20', port: 5443, trustPort: 5080 };
const lan = { address: '192.168.1.20', interface: 'eth0', internal: false };
const loop = { address: '127.0.0.1', interface: 'lo', internal: true };

describe('the listener state', () => {
  it('names the failures people can fix, and shows any other OS code as it is', () => {
    expect(listenerErrorText('EADDRINUSE')).toEqual({ key: 'network.status.failedBecause.EADDRINUSE' });
    expect(listenerErrorText('EADDRNOTAVAIL')).toEqual({ key: 'network.status.failedBecause.EADDRNOTAVAIL' });
    expect(listenerErrorText('ECONNRESET')).toEqual({
      key: 'network.status.failedOther',
      params: { code: 'ECONNRESET' },
    });
  });

  it('is settled when it serves on the saved address and port, has failed, or is off when turned off', () => {
    const running = (url: string) => ({ state: 'running' as const, url, trustUrl: null, error: null });
    expect(listenerSettled(settings, running('https://192.168.1.20:5443/'))).toBe(true);
    // still on the old address or port: the shell has not moved it yet
    expect(listenerSettled(settings, running('https://192.168.1.21:5443/'))).toBe(false);
    expect(listenerSettled(settings, running('https://192.168.1.20:5444/'))).toBe(false);
    expect(listenerSettled(settings, { state: 'off', url: null, trustUrl: null, error: null })).toBe(false);
    expect(listenerSettled(settings, { state: 'failed', url: null, trustUrl: null, error: 'EADDRINUSE' })).toBe(true);
    const off = { ...settings, enabled: false };
    expect(listenerSettled(off, running('https://192.168.1.20:5443/'))).toBe(false);
    expect(listenerSettled(off, { state: 'off', url: null, trustUrl: null, error: null })).toBe(true);
  });
});

describe('the CA fingerprint', () => {
  it('is shown in lines of 16 bytes, cut between bytes', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));
    const lines = fingerprintLines(bytes.join(':'));
    expect(lines).toEqual([bytes.slice(0, 16).join(':'), bytes.slice(16).join(':')]);
    expect(lines.join(':')).toBe(bytes.join(':'));
  });
});

describe('the address select', () => {
  it("lists this PC's addresses, loopback marked, and keeps a saved address the PC no longer has", () => {
    const now: Pick<NetworkStatus, 'addresses' | 'settings'> = {
      settings: { ...settings, address: '192.168.1.7' },
      addresses: [lan, loop],
    };
    expect(addressOptions(now)).toEqual([
      { value: '192.168.1.20', address: '192.168.1.20', interface: 'eth0', loopback: false, gone: false },
      { value: '127.0.0.1', address: '127.0.0.1', interface: 'lo', loopback: true, gone: false },
      { value: '192.168.1.7', address: '192.168.1.7', interface: '', loopback: false, gone: true },
    ]);
    expect(goneAddress(now)).toBe('192.168.1.7');
    expect(goneAddress({ ...now, settings })).toBeNull();
    expect(goneAddress({ ...now, settings: { ...settings, address: null, enabled: false } })).toBeNull();
    expect(addressOptions({ ...now, settings })).toHaveLength(2);
  });

  it('says when the PC has only loopback addresses', () => {
    expect(onlyLoopback({ addresses: [loop] })).toBe(true);
    expect(onlyLoopback({ addresses: [{ address: '127.0.0.2', interface: 'lo', internal: false }] })).toBe(true);
    expect(onlyLoopback({ addresses: [lan, loop] })).toBe(false);
  });
});

describe("the form's rules across fields (lanSettingsSchema's)", () => {
  it('shows the same port twice on 信任页端口, and serving without an address on 地址', () => {
    expect(crossFieldIssue({ ...settings, trustPort: 5443 }, 'trustPort')).toBe('network.errors.samePort');
    expect(crossFieldIssue({ ...settings, trustPort: 5443 }, 'address')).toBeNull();
    expect(crossFieldIssue({ ...settings, address: null }, 'address')).toBe('network.errors.addressRequired');
    expect(crossFieldIssue({ ...settings, address: undefined }, 'address')).toBe('network.errors.addressRequired');
    expect(crossFieldIssue({ ...settings, enabled: false, address: null }, 'address')).toBeNull();
    expect(crossFieldIssue(settings, 'trustPort')).toBeNull();
  });
});

describe('the pairing dialog', () => {
  it('counts down in m:ss and stops at 0', () => {
    const end = '2026-12-01T10:05:00.000Z';
    const at = (iso: string) => remaining(end, Date.parse(iso));
    expect(at('2026-12-01T10:00:00.000Z')).toEqual({ seconds: 300, text: '5:00' });
    expect(at('2026-12-01T10:04:50.500Z')).toEqual({ seconds: 10, text: '0:10' });
    expect(at('2026-12-01T10:06:00.000Z')).toEqual({ seconds: 0, text: '0:00' });
  });

  it('gives the page to type the code on, and the server address, without the secret fragment', () => {
    const url = 'https://192.168.1.20:5443/pair#t=abc&spki=x%2By';
    expect(pairPageUrl(url)).toBe('https://192.168.1.20:5443/pair');
    expect(serverOrigin(url)).toBe('https://192.168.1.20:5443');
  });
});
