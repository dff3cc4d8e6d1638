import { X509Certificate } from 'node:crypto';
import { isIPv4 } from 'node:net';

/**
 * Whether a client PC accepts the server's certificate: issued and signed by the CA it pinned when
 * it paired, within its dates (and the CA's), naming the IPv4 address connected to. The CA is
 * pinned, not the server key: the server makes a new certificate when its address changes or its
 * end nears, signed by the same CA. Never throws (a certificate that cannot be read is refused).
 */
export function verifyServerCertificate(leafPem: string, caPem: string, host: string, now: Date): boolean {
  try {
    if (!isIPv4(host)) return false;
    const leaf = new X509Certificate(leafPem);
    const ca = new X509Certificate(caPem);
    if (!ca.ca || leaf.ca) return false;
    if (!within(ca, now) || !within(leaf, now)) return false;
    if (!leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return false;
    return leaf.checkIP(host) !== undefined;
  } catch {
    return false;
  }
}

/** Whether `cert` is a certificate authority that signed itself (what a pairing may pin). */
export function isSelfSignedCa(cert: X509Certificate): boolean {
  try {
    return cert.ca && cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

const within = (cert: X509Certificate, now: Date) => {
  const t = now.getTime();
  return new Date(cert.validFrom).getTime() <= t && t <= new Date(cert.validTo).getTime();
};

/** A certificate's DER as PEM. */
export function pemOf(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
