import { X509Certificate } from 'node:crypto';
import { describe, expect } from 'vitest';
import { networkDir, readCaCert } from '../../../electron/core/network/certs';
import { CERTIFICATE_JOB, issueCredentials } from '../../../electron/core/network/network.jobs';
import { test } from '../support/fixtures';

// jobs in worker threads, as in the app: key generation and signing run off the main thread
describe('the network.certificate job', () => {
  test('runs in the job thread on the network folder; two at once share one CA', async ({ env }) => {
    const [a, b] = await Promise.all([
      issueCredentials(env.core, '127.0.0.2'),
      issueCredentials(env.core, '127.0.0.2'),
    ]);
    expect(a.renewed).toBe(true);
    expect(b.renewed).toBe(false);
    expect(b.caFingerprint).toBe(a.caFingerprint);
    expect(b.cert).toBe(a.cert);
    expect(readCaCert(networkDir(env.dir))?.fingerprint).toBe(a.caFingerprint);
    expect(new X509Certificate(a.cert).checkIssued(new X509Certificate(a.caCert))).toBe(true);
  });

  test('refuses a call without its folder, and says the certificate could not be made', async ({ env }) => {
    await expect(env.core.jobs.run(CERTIFICATE_JOB, { address: '127.0.0.2' }, { userId: 0 })).rejects.toThrow(
      /needs \{ address, dir \}/,
    );
    await expect(issueCredentials(env.core, 'not-an-address')).rejects.toMatchObject({
      code: 'INTERNAL',
      messageKey: 'network.errors.certificate',
    });
  });
});
