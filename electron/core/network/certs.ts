import fs from 'node:fs';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { certFacts, type KeyAndCert, makeCa, makeServerCert } from './cert-make';
import { ensurePrivateDir, readText, writeDurably } from './secret-file';
import { SERVER_CERT_RENEW_DAYS } from './shared/network.contract';

/**
 * The LAN listener's credentials in `<dataDir>/network`: the local certificate authority
 * (ca.key, ca.crt: made once, kept) and the server certificate it signed for the serving address
 * (server.key, server.crt: made again when the address changes or the end is near). Pure
 * functions of a folder and a moment: no core, so they run in the job thread.
 */
export interface Credentials {
  /** the server's private key (PEM) */
  key: string;
  /** the server certificate (PEM) */
  cert: string;
  /** the CA's certificate (PEM): what devices trust */
  caCert: string;
  /** SHA-256 of the CA certificate's DER, upper-case hex, colon-separated */
  caFingerprint: string;
  /** base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list) */
  spkiSha256: string;
  /** the server certificate's end (UTC ISO) */
  notAfter: string;
  /** the IP addresses the server certificate names */
  addresses: string[];
  /** whether this call made a new server certificate */
  renewed: boolean;
}

const DAY_MS = 86_400_000;
const FILES = { caKey: 'ca.key', caCert: 'ca.crt', key: 'server.key', cert: 'server.crt' } as const;

/** `<dataDir>/network`: where the keys and certificates are kept. */
export const networkDir = (dataDir: string) => path.join(dataDir, 'network');

/** base64 SHA-256 of a certificate's public key (SubjectPublicKeyInfo, DER). */
export function spkiSha256Of(cert: X509Certificate): string {
  return createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** A key and certificate pair read from the folder, when both are there, readable and belong together. */
function readPair(dir: string, keyFile: string, certFile: string): (KeyAndCert & { x509: X509Certificate }) | null {
  const key = readText(path.join(dir, keyFile));
  const cert = readText(path.join(dir, certFile));
  if (!key || !cert) return null;
  try {
    const x509 = new X509Certificate(cert);
    return x509.checkPrivateKey(createPrivateKey(key)) ? { key, cert, x509 } : null;
  } catch {
    return null;
  }
}

function writePair(dir: string, keyFile: string, certFile: string, pair: KeyAndCert): void {
  writeDurably(path.join(dir, keyFile), pair.key, 0o600);
  writeDurably(path.join(dir, certFile), pair.cert, 0o644);
}

/** Whether a certificate still serves at `now`: it ends more than SERVER_CERT_RENEW_DAYS later. */
const lasts = (notAfter: Date, now: Date) => notAfter.getTime() - now.getTime() > SERVER_CERT_RENEW_DAYS * DAY_MS;

/**
 * The credentials for serving on `address` at `now`: the CA (made if absent, kept otherwise) and
 * a server certificate naming the address, issued by that CA, ending more than
 * SERVER_CERT_RENEW_DAYS after now — the kept one when it fits, else a new one (`renewed`).
 */
export function ensureCredentials(dir: string, address: string, now: Date): Credentials {
  ensurePrivateDir(dir);
  let ca = readPair(dir, FILES.caKey, FILES.caCert);
  // a CA certificate devices may trust is never replaced silently because its key cannot be read
  // (a data folder copied to another user, a damaged file): serving fails and says so instead
  if (!ca && fs.existsSync(path.join(dir, FILES.caCert))) {
    throw new Error(`the certificate authority in ${dir} cannot be read (ca.key / ca.crt): it is not made anew`);
  }
  if (!ca || !lasts(certFacts(ca.cert).notAfter, now)) {
    const made = makeCa(now);
    writePair(dir, FILES.caKey, FILES.caCert, made);
    ca = { ...made, x509: new X509Certificate(made.cert) };
  }
  let server = readPair(dir, FILES.key, FILES.cert);
  let renewed = false;
  const fits =
    server?.x509.checkIssued(ca.x509) &&
    server.x509.verify(ca.x509.publicKey) &&
    certFacts(server.cert).addresses.includes(address) &&
    lasts(certFacts(server.cert).notAfter, now);
  if (!fits) {
    const made = makeServerCert(ca, address, now);
    writePair(dir, FILES.key, FILES.cert, made);
    server = { ...made, x509: new X509Certificate(made.cert) };
    renewed = true;
  }
  const s = server as KeyAndCert & { x509: X509Certificate };
  const facts = certFacts(s.cert);
  return {
    key: s.key,
    cert: s.cert,
    caCert: ca.cert,
    caFingerprint: ca.x509.fingerprint256,
    spkiSha256: spkiSha256Of(s.x509),
    notAfter: facts.notAfter.toISOString(),
    addresses: facts.addresses,
    renewed,
  };
}

/**
 * Whether serving on `address` at `now` needs the certificate job: no CA or server certificate
 * yet, one that does not name the address, or its renewal is due. A cheap look at the files (the
 * job itself also checks the key and the issuer, and makes what is missing).
 */
export function credentialsDue(dir: string, address: string, now: Date): boolean {
  const server = readServerCert(dir);
  return readCaCert(dir) === null || !server?.addresses.includes(address) || !lasts(new Date(server.notAfter), now);
}

/** The CA's certificate (PEM, DER and fingerprint) for the trust page; null before it is made. */
export function readCaCert(dir: string): { pem: string; der: Buffer; fingerprint: string } | null {
  const pem = readText(path.join(dir, FILES.caCert));
  if (!pem) return null;
  try {
    const x509 = new X509Certificate(pem);
    return { pem, der: x509.raw, fingerprint: x509.fingerprint256 };
  } catch {
    return null;
  }
}

/** The current server certificate as the status shows it; null before one is made. */
export function readServerCert(dir: string): { addresses: string[]; notAfter: string; spkiSha256: string } | null {
  const pem = readText(path.join(dir, FILES.cert));
  if (!pem) return null;
  try {
    const facts = certFacts(pem);
    return {
      addresses: facts.addresses,
      notAfter: facts.notAfter.toISOString(),
      spkiSha256: spkiSha256Of(new X509Certificate(pem)),
    };
  } catch {
    return null;
  }
}
