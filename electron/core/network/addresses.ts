import os from 'node:os';

export interface LocalAddress {
  address: string;
  interface: string;
  internal: boolean;
}

/** This PC's IPv4 addresses now (os.networkInterfaces): the LAN's first, loopback last. */
export function localAddresses(interfaces = os.networkInterfaces()): LocalAddress[] {
  const out: LocalAddress[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      if (a.family !== 'IPv4' && (a.family as unknown) !== 4) continue;
      out.push({ address: a.address, interface: name, internal: a.internal });
    }
  }
  return out.sort((a, b) => Number(a.internal) - Number(b.internal));
}

/** 127.x.x.x: allowed as a serving address without being an interface's (tests, a one-PC trial). */
export const isLoopback = (address: string) => address.startsWith('127.');
