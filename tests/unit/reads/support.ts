import path from 'node:path';
import { afterEach } from 'vitest';
import type { WorkerScript } from '../../../electron/core/jobs/protocol';
import { workerReads } from '../../../electron/core/reads/pool';
import { defaultReadsScript } from '../../../electron/core/reads/protocol';
import { makeEnv, type TestClient, type TestEnv } from '../support/test-core';

/** A worker script of this folder (crash.worker.ts), loaded through tsx as the pool's own is from the sources. */
export function testScript(file: string): WorkerScript {
  return { workerFile: path.join(__dirname, file), execArgv: defaultReadsScript().execArgv };
}

/** Creates customers through the dispatcher (the one writer); returns their ids. */
export async function customers(admin: TestClient, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push((await admin.ok('customer.create', { name, duplicateReason: 'test' })).id);
  return ids;
}

/**
 * A file's maker of cores whose pool reads run in real threads (the sources, through tsx), started
 * before the test's calls; each is closed after its test.
 */
export function threadedCores(): (opts?: Parameters<typeof workerReads>[0]) => Promise<TestEnv> {
  const envs: TestEnv[] = [];
  afterEach(async () => {
    for (const e of envs.splice(0)) {
      await e.core.reads.close();
      e.close();
    }
  });
  return async (opts = {}) => {
    const env = await makeEnv({ reads: workerReads({ size: 1, ...opts }) });
    envs.push(env);
    await env.core.reads.warm();
    return env;
  };
}
