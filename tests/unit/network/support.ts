import type { z } from 'zod';
import type { Core } from '../../../electron/core/core';
import { dispatch } from '../../../electron/core/dispatch';
import type { TransportCtx } from '../../../electron/core/handler';
import { setListenerState } from '../../../electron/core/network/listener-state';
import type { networkContract } from '../../../electron/core/network/shared/network.contract';
import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import type { TestClient } from '../support/test-core';

type Net = typeof networkContract;
type NetChannel = keyof Net;

/** A network channel through the dispatcher, typed from the network contract. */
export function net<C extends NetChannel>(
  core: Core,
  client: TransportCtx,
  channel: C,
  input: z.input<Net[C]['input']>,
): Promise<ApiResult<z.output<Net[C]['output']>>> {
  return dispatch(core, channel, input, client) as Promise<ApiResult<z.output<Net[C]['output']>>>;
}

/** The same, failing the test when refused. */
export async function netOk<C extends NetChannel>(
  core: Core,
  client: TransportCtx,
  channel: C,
  input: z.input<Net[C]['input']>,
): Promise<z.output<Net[C]['output']>> {
  const r = await net(core, client, channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** A transport on a paired device (as the LAN listener passes it): its own session and the device's id. */
export class DeviceTransport implements TransportCtx {
  sessionToken: string | null = null;
  constructor(readonly deviceId: number | null) {}
  setSessionToken(token: string | null): void {
    this.sessionToken = token;
  }
}

/** A call of any channel from a transport (a device's, this PC's), failing on refusal. */
export async function callOk(core: Core, t: TransportCtx, channel: string, input: unknown): Promise<unknown> {
  const r = await dispatch(core, channel, input, t);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Serving on 127.0.0.2 (a loopback address: allowed without being an interface's), as the admin saves it. */
export const SERVING = { enabled: true, address: '127.0.0.2', port: 5443, trustPort: 5080 } as const;

/** Saved as the admin saves it, and the listener running there (as the LAN manager reports it). */
export async function serve(core: Core, admin: TestClient) {
  const saved = await netOk(core, admin, 'network.configure', SERVING);
  setListenerState(core, {
    state: 'running',
    url: `https://${SERVING.address}:${SERVING.port}/`,
    trustUrl: `http://${SERVING.address}:${SERVING.trustPort}/`,
    error: null,
  });
  return saved;
}

/** Every text of every row of the given tables, for scanning them for a secret. */
export function tableText(core: Core, tables: readonly string[]): string {
  return tables.map((t) => JSON.stringify(core.sqlite.prepare(`SELECT * FROM ${t}`).all())).join('\n');
}
