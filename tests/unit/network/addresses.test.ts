import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopback, localAddresses } from '../../../electron/core/network/addresses';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;

describe("this PC's addresses", () => {
  it('lists the IPv4 addresses of every interface, the LAN first and loopback last, without IPv6', () => {
    const list = localAddresses({
      lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
      'Wi-Fi': [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
      以太网: [iface('10.0.0.5', 'IPv4', false)],
    });
    expect(list).toEqual([
      { address: '192.168.1.20', interface: 'Wi-Fi', internal: false },
      { address: '10.0.0.5', interface: '以太网', internal: false },
      { address: '127.0.0.1', interface: 'lo', internal: true },
    ]);
  });

  it('reads the real interfaces by default: loopback is there', () => {
    expect(localAddresses().some((a) => a.address === '127.0.0.1' && a.internal)).toBe(true);
  });

  it('takes every 127.x.x.x as loopback, and nothing else', () => {
    expect(['127.0.0.1', '127.0.0.2', '127.255.1.9'].every(isLoopback)).toBe(true);
    expect(['128.0.0.1', '10.127.0.1', '192.168.1.127'].some(isLoopback)).toBe(false);
  });
});
