import { isIPv4 } from 'node:net';
import type { Core } from '../core';
import { Refused } from '../errors';
import type { JobKinds } from '../jobs/registry';
import { type Credentials, ensureCredentials, networkDir } from './certs';
import { networkRuntime } from './runtime';

export const CERTIFICATE_JOB = 'network.certificate';

/** The job's input: the address to serve on, and the network folder (`<dataDir>/network`: a job has no core). */
export interface CertificateJob {
  address: string;
  dir: string;
  /** the moment the credentials must serve from (the core's clock; UTC ISO), else now */
  at?: string;
}

/** Makes or keeps the CA and the server certificate (certs.ts): key generation and signing stay off the main thread. */
function certificateJob(job: CertificateJob): Credentials {
  if (!job || typeof job.dir !== 'string' || !job.dir)
    throw new Error(`${CERTIFICATE_JOB} needs { address, dir }: call issueCredentials(core, address)`);
  if (!isIPv4(job.address)) throw new Error(`${CERTIFICATE_JOB}: not an IPv4 address: ${job.address}`);
  return ensureCredentials(job.dir, job.address, job.at ? new Date(job.at) : new Date());
}

/** 办公室网络's job kinds (core/jobs/registry.ts). */
export const networkJobs = {
  [CERTIFICATE_JOB]: certificateJob,
} satisfies JobKinds;

/**
 * The credentials for serving on `address`, from the job thread; one at a time per core (two at
 * once could each make a CA). A failure is refused as `network.errors.certificate` (the cause is
 * printed for the log file).
 */
export function issueCredentials(core: Core, address: string): Promise<Credentials> {
  const rt = networkRuntime(core);
  const job: CertificateJob = { address, dir: networkDir(core.dataDir), at: core.clock.now().toISOString() };
  const next = rt.certificate.then(
    () => core.jobs.run<Credentials>(CERTIFICATE_JOB, job, { userId: 0 }),
    () => core.jobs.run<Credentials>(CERTIFICATE_JOB, job, { userId: 0 }),
  );
  rt.certificate = next.catch(() => undefined);
  return next.catch((err: unknown) => {
    console.error(`[network] the certificate for ${address} could not be made:`, err);
    throw Refused('INTERNAL', 'network.errors.certificate');
  });
}
