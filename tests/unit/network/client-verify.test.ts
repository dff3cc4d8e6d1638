import { describe, expect, test } from 'vitest';
import { makeCa, makeServerCert } from '../../../electron/core/network/cert-make';
import { verifyServerCertificate } from '../../../electron/client/verify';

const NOW = new Date('2025-06-01T08:00:00Z');
const DAY = 86_400_000;

describe('verifyServerCertificate: the CA is pinned, not the server key', () => {
  const ca = makeCa(NOW);
  const first = makeServerCert(ca, '192.168.1.10', NOW);

  test('the certificate the client paired with', () => {
    expect(verifyServerCertificate(first.cert, ca.cert, '192.168.1.10', NOW)).toBe(true);
  });

  test('a renewed certificate for a changed address, signed by the same CA: accepted there only', () => {
    const later = new Date(NOW.getTime() + 40 * DAY);
    const renewed = makeServerCert(ca, '192.168.1.23', later);
    expect(verifyServerCertificate(renewed.cert, ca.cert, '192.168.1.23', later)).toBe(true);
    // it names one address: not the old one, not another
    expect(verifyServerCertificate(renewed.cert, ca.cert, '192.168.1.10', later)).toBe(false);
    expect(verifyServerCertificate(first.cert, ca.cert, '192.168.1.23', later)).toBe(false);
  });

  test('a certificate from another CA for the same address is refused', () => {
    const other = makeCa(NOW);
    const foreign = makeServerCert(other, '192.168.1.10', NOW);
    expect(verifyServerCertificate(foreign.cert, ca.cert, '192.168.1.10', NOW)).toBe(false);
    // nor may the pinned CA itself pose as the server, nor a CA that signed itself
    expect(verifyServerCertificate(ca.cert, ca.cert, '192.168.1.10', NOW)).toBe(false);
    expect(verifyServerCertificate(other.cert, ca.cert, '192.168.1.10', NOW)).toBe(false);
  });

  test('outside its dates: expired, or not yet valid', () => {
    const old = makeServerCert(ca, '192.168.1.10', new Date(NOW.getTime() - 900 * DAY));
    // made 900 days ago: it ended 76 days ago
    expect(verifyServerCertificate(old.cert, ca.cert, '192.168.1.10', NOW)).toBe(false);
    expect(verifyServerCertificate(first.cert, ca.cert, '192.168.1.10', new Date(NOW.getTime() + 830 * DAY))).toBe(
      false,
    );
    expect(verifyServerCertificate(first.cert, ca.cert, '192.168.1.10', new Date(NOW.getTime() - 2 * DAY))).toBe(false);
  });

  test('another IP, a host name, or what is no certificate', () => {
    expect(verifyServerCertificate(first.cert, ca.cert, '192.168.1.11', NOW)).toBe(false);
    expect(verifyServerCertificate(first.cert, ca.cert, 'server.local', NOW)).toBe(false);
    expect(verifyServerCertificate('not a certificate', ca.cert, '192.168.1.10', NOW)).toBe(false);
    expect(verifyServerCertificate(first.cert, 'not a certificate', '192.168.1.10', NOW)).toBe(false);
  });
});
