import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';
import { spkiSha256Of } from '../core/network/certs';
import { DEVICE_SECRET_HEADER } from '../lan/cookies';
import { pemOf, verifyServerCertificate } from './verify';

/**
 * Requests to the office server from a client PC, plain Node: HTTPS trusting only the pinned CA,
 * the certificate checked by verifyServerCertificate (and, while pairing, its key against the QR
 * code's hash), the device secret in its header. Failures are sorted into what the launcher says.
 */

/** Why a request got no answer: the server is not reached, its certificate is not ours, or it speaks no TLS. */
export type Failure = 'unreachable' | 'certificate' | 'notServer';

export class RequestFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure);
  }
}

const TIMEOUT_MS = 8_000;

class CertificateRefused extends Error {}

function failureOf(err: unknown): Failure {
  if (err instanceof RequestFailed) return err.failure;
  if (err instanceof CertificateRefused) return 'certificate';
  const code = String((err as { code?: unknown })?.code ?? '');
  if (/CERT|SIGNATURE|ALTNAME|SELF_SIGNED|ISSUER|HOSTNAME/.test(code)) return 'certificate';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL') || code === 'HPE_INVALID_CONSTANT') return 'notServer';
  return 'unreachable';
}

export interface Target {
  address: string;
  port: number;
}

/**
 * The certificates the server at `target` presents, taken without trusting them (nothing is sent
 * but the handshake): the leaf and the CA it sends after it, if any.
 */
export function peekCertificates(target: Target): Promise<{ leaf: X509Certificate; ca: X509Certificate | null }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: target.address, port: target.port, rejectUnauthorized: false }, () => {
      try {
        const peer = socket.getPeerCertificate(true);
        if (!peer?.raw) throw new RequestFailed('notServer');
        const leaf = new X509Certificate(peer.raw);
        const issuer = peer.issuerCertificate;
        const ca = issuer?.raw && !issuer.raw.equals(peer.raw) ? new X509Certificate(issuer.raw) : null;
        resolve({ leaf, ca });
      } catch (err) {
        reject(new RequestFailed(failureOf(err)));
      } finally {
        socket.destroy();
      }
    });
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.on('error', (err) => reject(new RequestFailed(failureOf(err))));
  });
}

export interface PinnedRequest extends Target {
  caPem: string;
  /** base64 SHA-256 of the server key the connection must show (pairing with the QR code) */
  expectSpki?: string;
  path: string;
  body: unknown;
  deviceSecret?: string;
  now?: () => Date;
}

/** `POST path` with a JSON body, pinned; resolves with the status and the parsed JSON (null if none). */
export function postPinned(opts: PinnedRequest): Promise<{ status: number; json: unknown }> {
  const body = JSON.stringify(opts.body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (opts.deviceSecret) headers[DEVICE_SECRET_HEADER] = opts.deviceSecret;
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: opts.address,
        port: opts.port,
        method: 'POST',
        path: opts.path,
        ca: opts.caPem,
        agent: false,
        headers,
        // checked against the address connected to; the TLS layer has already chained it to the CA
        checkServerIdentity: (_host, cert) => {
          const leafPem = pemOf(cert.raw);
          if (!verifyServerCertificate(leafPem, opts.caPem, opts.address, opts.now?.() ?? new Date()))
            return new CertificateRefused('certificate');
          if (opts.expectSpki && spkiSha256Of(new X509Certificate(cert.raw)) !== opts.expectSpki)
            return new CertificateRefused('certificate');
          return undefined;
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // not JSON: the caller decides
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', (err) => reject(new RequestFailed(failureOf(err))));
      },
    );
    req.setTimeout(TIMEOUT_MS, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err) => reject(new RequestFailed(failureOf(err))));
    req.end(body);
  });
}
