import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsDue, ensureCredentials, readCaCert, readServerCert } from '../../../electron/core/network/certs';
import { SERVER_CERT_MAX_DAYS, SERVER_CERT_RENEW_DAYS } from '../../../electron/core/network/shared/network.contract';
import { tempDir } from '../support/test-core';

const DAY = 86_400_000;
const T0 = new Date('2026-01-05T01:00:00.000Z');
const dirs: string[] = [];
const folder = () => {
  const d = tempDir('kehu-certs-');
  dirs.push(d);
  return path.join(d, 'network');
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const later = (days: number) => new Date(T0.getTime() + days * DAY);
/** A server certificate made at `t` ends a day short of SERVER_CERT_MAX_DAYS after its start (an hour before t). */
const endOf = (t: Date) => new Date(t.getTime() - 3_600_000 + (SERVER_CERT_MAX_DAYS - 1) * DAY);
/** The first moment a certificate made at T0 is renewed: SERVER_CERT_RENEW_DAYS before its end. */
const DUE = new Date(endOf(T0).getTime() - SERVER_CERT_RENEW_DAYS * DAY);
const spkiOf = (pem: string) =>
  createHash('sha256')
    .update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

describe('the local certificate authority and the server certificate', () => {
  it('makes the CA once and keeps it; the server certificate names the address only, issued by the CA', () => {
    const dir = folder();
    const first = ensureCredentials(dir, '192.168.1.20', T0);
    expect(first.renewed).toBe(true);
    const again = ensureCredentials(dir, '192.168.1.20', later(1));
    expect(again.renewed).toBe(false);
    expect(again.caCert).toBe(first.caCert);
    expect(again.cert).toBe(first.cert);

    const server = new X509Certificate(first.cert);
    const ca = new X509Certificate(first.caCert);
    expect(server.subjectAltName).toBe('IP Address:192.168.1.20');
    expect(first.addresses).toEqual(['192.168.1.20']);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // extKeyUsage serverAuth
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=客户管理 本地证书颁发机构');
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(server.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
  });

  it('lives from an hour ago for less than SERVER_CERT_MAX_DAYS in all (as Apple counts it); the CA ten years', () => {
    const c = ensureCredentials(folder(), '10.0.0.5', T0);
    const server = new X509Certificate(c.cert);
    expect(new Date(server.validFrom).getTime()).toBe(T0.getTime() - 3_600_000);
    expect(new Date(server.validTo).getTime()).toBe(endOf(T0).getTime());
    expect(new Date(server.validTo).getTime() - new Date(server.validFrom).getTime()).toBeLessThanOrEqual(
      SERVER_CERT_MAX_DAYS * DAY,
    );
    expect(c.notAfter).toBe(endOf(T0).toISOString());
    expect(new Date(new X509Certificate(c.caCert).validTo).getUTCFullYear()).toBe(2036);
  });

  it('a changed address gets a new certificate from the same CA', () => {
    const dir = folder();
    const a = ensureCredentials(dir, '192.168.1.20', T0);
    const b = ensureCredentials(dir, '192.168.1.77', later(2));
    expect(b.renewed).toBe(true);
    expect(b.caFingerprint).toBe(a.caFingerprint);
    expect(b.addresses).toEqual(['192.168.1.77']);
    expect(b.spkiSha256).not.toBe(a.spkiSha256);
    expect(new X509Certificate(b.cert).checkIssued(new X509Certificate(a.caCert))).toBe(true);
  });

  it(`is made anew ${SERVER_CERT_RENEW_DAYS} days before its end, not earlier`, () => {
    const dir = folder();
    const a = ensureCredentials(dir, '192.168.1.20', T0);
    const before = ensureCredentials(dir, '192.168.1.20', new Date(DUE.getTime() - 60_000));
    expect(before.renewed).toBe(false);
    const renewed = ensureCredentials(dir, '192.168.1.20', DUE);
    expect(renewed.renewed).toBe(true);
    expect(renewed.caFingerprint).toBe(a.caFingerprint);
    expect(renewed.notAfter).toBe(endOf(DUE).toISOString());
  });

  it('tells without the job whether the job is needed: nothing yet, another address, renewal due', () => {
    const dir = folder();
    expect(credentialsDue(dir, '192.168.1.20', T0)).toBe(true);
    ensureCredentials(dir, '192.168.1.20', T0);
    expect(credentialsDue(dir, '192.168.1.20', later(1))).toBe(false);
    expect(credentialsDue(dir, '192.168.1.21', later(1))).toBe(true);
    expect(credentialsDue(dir, '192.168.1.20', new Date(DUE.getTime() - 60_000))).toBe(false);
    expect(credentialsDue(dir, '192.168.1.20', DUE)).toBe(true);
  });

  it('makes an authority that may sign only for private and loopback addresses, and no other authority', () => {
    const c = ensureCredentials(folder(), '192.168.1.20', T0);
    const ca = forge.pki.certificateFromPem(c.caCert);
    const basic = ca.getExtension('basicConstraints') as { cA: boolean; pathLenConstraint?: number; critical: boolean };
    expect(basic).toMatchObject({ cA: true, pathLenConstraint: 0, critical: true });
    const nc = ca.getExtension('nameConstraints') as unknown as {
      critical: boolean;
      permittedSubtrees?: { type: number; value: string }[];
      excludedSubtrees?: unknown[];
    };
    expect(nc.critical).toBe(true);
    const permitted = nc.permittedSubtrees ?? [];
    // an iPAddress subtree is the address's 4 bytes, then the mask's
    const dotted = (bytes: string) => [...bytes].map((ch) => ch.charCodeAt(0)).join('.');
    const ranges = permitted
      .filter((p) => p.type === 7)
      .map((p) => `${dotted(p.value.slice(0, 4))}/${dotted(p.value.slice(4))}`);
    expect(ranges.sort()).toEqual(
      [
        '10.0.0.0/255.0.0.0',
        '127.0.0.0/255.0.0.0',
        '169.254.0.0/255.255.0.0',
        '172.16.0.0/255.240.0.0',
        '192.168.0.0/255.255.0.0',
      ].sort(),
    );
    expect(permitted.filter((p) => p.type === 2).map((p) => p.value)).toEqual(['invalid']);
    expect(nc.excludedSubtrees ?? []).toEqual([]);
    // the server certificate it made still checks against it (a 192.168/16 address)
    expect(new X509Certificate(c.cert).verify(new X509Certificate(c.caCert).publicKey)).toBe(true);
  });

  it("never ends after the CA's own end", () => {
    const dir = folder();
    const a = ensureCredentials(dir, '192.168.1.20', T0);
    const caEnd = new Date(new X509Certificate(a.caCert).validTo).getTime();
    // 60 days before the CA ends: the CA is kept, the new server certificate stops with it
    const near = new Date(caEnd - 60 * DAY);
    const b = ensureCredentials(dir, '192.168.1.21', near);
    expect(b.caFingerprint).toBe(a.caFingerprint);
    expect(new Date(b.notAfter).getTime()).toBe(caEnd);
  });

  it('keeps the keys readable by the app user only, in a folder closed to others', () => {
    const dir = folder();
    ensureCredentials(dir, '192.168.1.20', T0);
    const mode = (f: string) => fs.statSync(path.join(dir, f)).mode & 0o777;
    expect(mode('ca.key')).toBe(0o600);
    expect(mode('server.key')).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(dir).sort()).toEqual(['ca.crt', 'ca.key', 'server.crt', 'server.key']);
  });

  it("gives the public-key hash Node computes, and the CA's SHA-256 fingerprint in colon hex", () => {
    const dir = folder();
    const c = ensureCredentials(dir, '192.168.1.20', T0);
    expect(c.spkiSha256).toBe(spkiOf(c.cert));
    expect(Buffer.from(c.spkiSha256, 'base64')).toHaveLength(32);
    const ca = readCaCert(dir);
    const der = new X509Certificate(c.caCert).raw;
    const hex = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':');
    expect(c.caFingerprint).toBe(hex);
    expect(ca).toEqual({ pem: c.caCert, der, fingerprint: hex });
    expect(readServerCert(dir)).toEqual({
      addresses: ['192.168.1.20'],
      notAfter: c.notAfter,
      spkiSha256: c.spkiSha256,
    });
  });

  it('reads nothing before they are made, and remakes a damaged server key', () => {
    const dir = folder();
    expect(readCaCert(dir)).toBeNull();
    expect(readServerCert(dir)).toBeNull();
    const a = ensureCredentials(dir, '192.168.1.20', T0);
    fs.writeFileSync(path.join(dir, 'server.key'), 'not a key');
    const b = ensureCredentials(dir, '192.168.1.20', later(1));
    expect(b.renewed).toBe(true);
    expect(b.caFingerprint).toBe(a.caFingerprint);
    expect(new X509Certificate(b.cert).checkPrivateKey(createPrivateKey(b.key))).toBe(true);
  });

  it('never replaces an authority devices may trust because its key cannot be read: it fails and says so', () => {
    const dir = folder();
    const a = ensureCredentials(dir, '192.168.1.20', T0);
    fs.writeFileSync(path.join(dir, 'ca.key'), 'not a key');
    expect(() => ensureCredentials(dir, '192.168.1.21', later(1))).toThrow(/certificate authority .* cannot be read/);
    expect(readCaCert(dir)?.fingerprint).toBe(a.caFingerprint);
  });
});
