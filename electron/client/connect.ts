import type { X509Certificate } from 'node:crypto';
import { spkiSha256Of } from '../core/network/certs';
import { type ClientLaunch, writeLaunch } from './launch-file';
import { parsePairingInput } from './pairing-code';
import { type Failure, peekCertificates, postPinned, RequestFailed } from './pinned-request';
import { isSelfSignedCa, verifyServerCertificate } from './verify';

/**
 * Connects this PC to the office server (连接到办公室服务器) with what the person scanned or typed:
 *
 * 1. The server's certificates are looked at before anything is sent: the leaf and the CA the
 *    server sends with it (the listener serves both). The leaf must be signed by that CA, name the
 *    address and be within its dates.
 * 2. With the QR code, the leaf's key hash must equal the code's `spki`: otherwise the token is
 *    never sent (another machine answers at that address). With a typed short code there is no
 *    such hash: the CA's fingerprint is shown (`confirm`) for the person to compare with the one
 *    on the server PC's 办公室网络 card, and the code is sent only once they confirm it (connect
 *    again with `confirmedCa`).
 * 3. The pairing is redeemed over HTTPS trusting only that CA and that key; the answer's device
 *    secret and the CA (pinned from then on: the server key changes with its address) go to
 *    launch.json.
 */
export type ConnectResult =
  | { ok: true; launch: ClientLaunch }
  | { ok: false; messageKey: string }
  | { ok: false; confirm: { caFingerprint: string; server: string } };

export interface ConnectOptions {
  dataDir: string;
  /** the address field of the form (the short code's server) */
  address?: string;
  /** the CA fingerprint the person confirmed (typed short code) */
  confirmedCa?: string;
  now?: () => Date;
}

const FAILURE_KEYS: Record<Failure, string> = {
  unreachable: 'launch.errors.unreachable',
  certificate: 'launch.errors.certificate',
  notServer: 'launch.errors.notServer',
};

const REDEEM_KEYS: Record<string, string> = {
  'network.errors.pairingInvalid': 'launch.errors.codeInvalid',
  'network.errors.pairingExpired': 'launch.errors.codeExpired',
  'network.errors.tooManyAttempts': 'launch.errors.tooManyAttempts',
};

const refused = (messageKey: string): ConnectResult => ({ ok: false, messageKey });

interface Redeemed {
  ok: boolean;
  data?: { kind?: string; deviceSecret?: unknown };
  error?: { messageKey?: string };
}

export async function connect(text: string, opts: ConnectOptions): Promise<ConnectResult> {
  const now = opts.now ?? (() => new Date());
  const parsed = parsePairingInput(text, opts.address);
  if (!parsed.ok) return refused(parsed.messageKey);
  const input = parsed.value;
  const server = `${input.address}:${input.port}`;
  try {
    const { leaf, ca } = await peekCertificates(input);
    if (!ca || !isSelfSignedCa(ca) || !verifyServerCertificate(leaf.toString(), ca.toString(), input.address, now()))
      return refused('launch.errors.certificate');
    const spki = spkiSha256Of(leaf);
    if (input.kind === 'token' && spki !== input.spki) return refused('launch.errors.certificateMismatch');
    if (input.kind === 'code' && !sameFingerprint(opts.confirmedCa, ca))
      return { ok: false, confirm: { caFingerprint: ca.fingerprint256, server } };
    const caPem = ca.toString();
    const answer = await postPinned({
      address: input.address,
      port: input.port,
      caPem,
      expectSpki: spki,
      path: '/pair/redeem',
      body: input.kind === 'token' ? { token: input.token } : { code: input.code },
      now,
    });
    const json = answer.json as Redeemed | null;
    if (!json || typeof json.ok !== 'boolean') return refused('launch.errors.notServer');
    if (!json.ok) return refused(REDEEM_KEYS[json.error?.messageKey ?? ''] ?? 'launch.errors.pairingFailed');
    if (json.data?.kind !== 'desktop') return refused('launch.errors.browserPairing');
    const secret = json.data.deviceSecret;
    if (typeof secret !== 'string') return refused('launch.errors.pairingFailed');
    const launch: ClientLaunch = {
      mode: 'client',
      serverUrl: `https://${server}`,
      caCert: caPem,
      deviceSecret: secret,
      pairedAt: now().toISOString(),
    };
    writeLaunch(opts.dataDir, launch);
    return { ok: true, launch };
  } catch (err) {
    if (err instanceof RequestFailed) return refused(FAILURE_KEYS[err.failure]);
    throw err;
  }
}

const sameFingerprint = (confirmed: string | undefined, ca: X509Certificate) =>
  confirmed !== undefined && confirmed.toUpperCase() === ca.fingerprint256.toUpperCase();
