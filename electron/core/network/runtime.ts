import type { Core } from '../core';
import type { NetworkStatus } from './shared/network.contract';

/**
 * What the network feature keeps in memory for one core: the listener's state as the shell
 * reported it, when each device was last recorded as seen, and the certificate job in flight.
 * It hangs on the core object itself (under a symbol), so two cores never share it.
 */
export interface NetworkRuntime {
  listener: NetworkStatus['listener'];
  /** device id → when (ms) and from where its last_seen_at was last written (touchDevice: at most once a minute) */
  touched: Map<number, { at: number; address: string }>;
  /** the certificate job running or last run: the next one waits for it (one at a time) */
  certificate: Promise<unknown>;
  /** the revoked secret hashes of `<dataDir>/network/revoked`, once read (revoked-file.ts) */
  revoked?: Set<string>;
}

const RUNTIME = Symbol('network.runtime');
type WithRuntime = Core & { [RUNTIME]?: NetworkRuntime };

export function networkRuntime(core: Core): NetworkRuntime {
  const c = core as WithRuntime;
  c[RUNTIME] ??= {
    listener: { state: 'off', url: null, trustUrl: null, error: null },
    touched: new Map(),
    certificate: Promise.resolve(),
  };
  return c[RUNTIME];
}
