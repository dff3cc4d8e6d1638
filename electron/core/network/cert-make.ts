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

/** The private address ranges (and loopback) the authority may sign for: [address, mask]. */
const PERMITTED_IP_RANGES: [string, string][] = [
  ['10.0.0.0', '255.0.0.0'],
  ['172.16.0.0', '255.240.0.0'],
  ['192.168.0.0', '255.255.0.0'],
  ['169.254.0.0', '255.255.0.0'],
  ['127.0.0.0', '255.0.0.0'],
];

const ipBytes = (ip: string) => String.fromCharCode(...ip.split('.').map(Number));

/**
 * NameConstraints (RFC 5280 4.2.1.10), critical: the authority staff install on their phones and
 * PCs can sign only for office (private) IPv4 addresses and for names under `invalid` (a domain
 * that cannot exist), never for a real website — even if its key left the data folder.
 */
function nameConstraints(): forge.pki.CertificateField {
  const { asn1 } = forge;
  const subtree = (name: forge.asn1.Asn1) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [name]);
  const permitted = [
    ...PERMITTED_IP_RANGES.map(([ip, mask]) =>
      subtree(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 7, false, ipBytes(ip) + ipBytes(mask))),
    ),
    subtree(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 2, false, 'invalid')),
  ];
  const value = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, permitted),
  ]);
  return { id: '2.5.29.30', critical: true, value } as unknown as forge.pki.CertificateField;
}

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
    // it signs server certificates only, no other authority (pathLen 0)
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    nameConstraints(),
  ]);
  cert.sign(keys.forgeKey, forge.md.sha256.create());
  return { key: keys.privatePem, cert: forge.pki.certificateToPem(cert) };
}

/**
 * The server certificate for one IPv4 address (its only subjectAltName), signed by the CA:
 * from an hour ago for a day less than SERVER_CERT_MAX_DAYS (Apple counts notAfter − notBefore
 * against its 825 days), never past the CA's own end.
 */
export function makeServerCert(ca: KeyAndCert, address: string, now: Date): KeyAndCert {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const caKey = forge.pki.privateKeyFromPem(ca.key);
  const keys = newKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 3_600_000);
  const end = cert.validity.notBefore.getTime() + (SERVER_CERT_MAX_DAYS - 1) * DAY_MS;
  cert.validity.notAfter = new Date(Math.min(end, caCert.validity.notAfter.getTime()));
  // no commonName: a CN such as 192.168.1.20 would be checked as a DNS name against the CA's name
  // constraints (and refused); the address is in subjectAltName, which is what clients read
  cert.setSubject([utf8('organizationName', '客户管理'), utf8('organizationalUnitName', '办公室网络')]);
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
