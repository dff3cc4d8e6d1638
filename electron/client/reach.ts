import { type ClientLaunch, writeLaunch } from './launch-file';
import { parseAddress } from './pairing-code';
import { postPinned, RequestFailed } from './pinned-request';

/**
 * Whether the office server answers this PC (the offline page's retries): `POST /api/auth.status`
 * with the device secret, trusting only the pinned CA. `revoked`: the server answers but no
 * longer knows this PC (撤销, or its archive was replaced): pair again.
 */
export type Reach = 'ok' | 'unreachable' | 'certificate' | 'notServer' | 'revoked';

export async function probeServer(launch: ClientLaunch, now: () => Date = () => new Date()): Promise<Reach> {
  const url = new URL(launch.serverUrl);
  try {
    const answer = await postPinned({
      address: url.hostname,
      port: Number(url.port) || 443,
      caPem: launch.caCert,
      path: '/api/auth.status',
      body: {},
      deviceSecret: launch.deviceSecret,
      now,
    });
    const json = answer.json as { ok?: unknown; error?: { messageKey?: string } } | null;
    if (answer.status === 200 && json?.ok === true) return 'ok';
    if (answer.status === 401 && json?.error?.messageKey === 'network.errors.deviceUnknown') return 'revoked';
    return 'notServer';
  } catch (err) {
    if (err instanceof RequestFailed) return err.failure;
    throw err;
  }
}

/**
 * 服务器地址已更改: the server PC got another address (its certificate is made anew there, by the
 * same CA). The new address is taken only when the server there answers this PC with its pinned
 * CA and device secret: no new pairing, and no other machine can pose as the server.
 */
export async function moveServer(
  dataDir: string,
  launch: ClientLaunch,
  typed: string,
  now: () => Date = () => new Date(),
): Promise<{ ok: true; launch: ClientLaunch } | { ok: false; messageKey: string }> {
  const at = parseAddress(typed);
  if (!at.ok) return at;
  const moved: ClientLaunch = { ...launch, serverUrl: `https://${at.value.address}:${at.value.port}` };
  const reach = await probeServer(moved, now);
  if (reach !== 'ok') return { ok: false, messageKey: REACH_KEYS[reach] };
  writeLaunch(dataDir, moved);
  return { ok: true, launch: moved };
}

/** What the launcher says for each answer of probeServer. */
export const REACH_KEYS: Record<Exclude<Reach, 'ok'>, string> = {
  unreachable: 'launch.errors.unreachable',
  certificate: 'launch.errors.certificate',
  notServer: 'launch.errors.notServer',
  revoked: 'launch.errors.revoked',
};
