import { generateKeyPairSync, randomBytes } from 'node:crypto';
import os from 'node:os';
import forge from 'node-forge';
import { SERVER_CERT_MAX_DAYS } from './shared/network.contract';

/**
 * Making the local certificate authority and the server certificate it signs (node-forge builds
 * and signs them; Node makes the RSA keys, much quicker than forge's JavaScript). Slow (a key
 * pair is tens of milliseconds, more on an old PC): run only in the job thread (network.jobs.ts).
 */

const DAY_MS = 86_400_000;
export const CA_YEARS = 10;
const CA_NAME = '客户管理 本地证书颁发机构';

export interface KeyAndCert {
  key: string;
  cert: string;
}

/** A new RSA key pair: the private key as PKCS#1 PEM (forge reads it; so does Node's TLS). */
function newKeyPair(): {
  privatePem: string;
  forgeKey: forge.pki.rsa.PrivateKey;
  forgePublic: forge.pki.rsa.PublicKey;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    privatePem: privateKey,
    forgeKey: forge.pki.privateKeyFromPem(privateKey),
    forgePublic: forge.pki.publicKeyFromPem(publicKey),
  };
}

/** A random positive serial of 16 bytes whose DER form is minimal (first byte 0x01..0x7f). */
function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0] & 0x7f) | 0x01;
  return b.toString('hex');
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

/** A text attribute as UTF8String (the CA's name is Chinese); forge encodes the value itself. */
const utf8 = (name: string, value: string): forge.pki.CertificateField => ({ name, value, valueTagClass: UTF8 });

/**
 * The CA's subject as the server certificate's issuer, byte for byte: forge keeps a parsed
 * UTF8String's bytes undecoded, and would encode them a second time.
 */
const issuerOf = (ca: forge.pki.Certificate): forge.pki.CertificateField[] =>
  ca.subject.attributes.map((a) =>
    a.valueTagClass === UTF8 && typeof a.value === 'string' ? { ...a, value: forge.util.decodeUtf8(a.value) } : a,
  );

/** The authority: 10 years from an hour ago, CN 客户管理 本地证书颁发机构, this PC's name in OU. */
export function makeCa(now: Date): KeyAndCert {
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  const end = new Date(now.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + CA_YEARS);
  cert.validity.notAfter = end;
  const subject = [
    utf8('commonName', CA_NAME),
    utf8('organizationName', '客户管理'),
    utf8('organizationalUnitName', os.hostname() || 'PC'),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.forgeKey, forge.md.sha256.create());
  return { key: keys.privatePem, cert: forge.pki.certificateToPem(cert) };
}

/**
 * The server certificate for one IPv4 address (its only subjectAltName), signed by the CA:
 * from an hour ago to SERVER_CERT_MAX_DAYS from now, never past the CA's own end.
 */
export function makeServerCert(ca: KeyAndCert, address: string, now: Date): KeyAndCert {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  const end = now.getTime() + SERVER_CERT_MAX_DAYS * DAY_MS;
  cert.validity.notAfter = new Date(Math.min(end, caCert.validity.notAfter.getTime()));
  cert.setSubject([utf8('commonName', address), utf8('organizationName', '客户管理')]);
  cert.setIssuer(issuerOf(caCert));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: address }] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { key: keys.privatePem, cert: forge.pki.certificateToPem(cert) };
}

/** A certificate's end and the IP addresses it names (read with forge: Node 20 has no dates as Date). */
export function certFacts(pem: string): { notAfter: Date; addresses: string[] } {
  const cert = forge.pki.certificateFromPem(pem);
  const san = cert.getExtension('subjectAltName') as { altNames?: { type: number; ip?: string }[] } | null;
  const addresses = (san?.altNames ?? []).filter((n) => n.type === 7 && n.ip).map((n) => n.ip as string);
  return { notAfter: cert.validity.notAfter, addresses };
}
