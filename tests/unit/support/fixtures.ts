import { test as base } from 'vitest';
import type { AnyFeature } from '../../../electron/core/feature';
import { features as appFeatures } from '../../../electron/core/features';
import { inlineReads, workerReads } from '../../../electron/core/reads/pool';
import { inlineRunner, makeEnv, type TestClient, type TestEnv } from './test-core';

export interface EnvOptions {
  /** how the core runs jobs: 'worker' threads as in the app, or 'inline' on the test's thread */
  jobs: 'worker' | 'inline';
  /**
   * how the core runs pool reads: 'inline' on the test's thread (on a read-only connection of
   * their own, so a pool read that writes fails every test calling it), or 'threads' as in the app
   */
  reads: 'inline' | 'threads';
  /** the features the core is built from (withFeature / withHandlers for a test's own) */
  features: readonly AnyFeature[];
  /** the first-run setup done before the test (the administrator and its log rows), for tests that do not call as admin */
  setUp: boolean;
}

export interface EnvFixtures {
  /** a migrated database in a temporary folder and a core on it; closed and removed after the test */
  env: TestEnv;
  /** the administrator, set up and signed in */
  admin: TestClient;
  /** another core on a database of its own (an empty archive to import into), with the same options; closed after the test */
  newEnv: () => Promise<TestEnv>;
}

const open = ({ jobs, reads, features }: Omit<EnvOptions, 'setUp'>) =>
  makeEnv({
    features,
    jobs: jobs === 'inline' ? inlineRunner() : undefined,
    reads: reads === 'threads' ? workerReads() : inlineReads(),
  });

/**
 * The unit tests' `test`: each test that names `env` (or `admin`) gets its own core on a fresh
 * database. Options per file or describe: `test.override({ jobs: 'inline' })`, `test.override({ reads: 'threads' })`, `test.override({ setUp: true })`,
 * `test.override({ features: withFeature(mine) })`.
 */
export const test = base.extend<EnvOptions & EnvFixtures>({
  jobs: 'worker',
  reads: 'inline',
  features: [appFeatures, { scope: 'test' }],
  setUp: false,
  env: async ({ jobs, reads, features, setUp }, use) => {
    const env = await open({ jobs, reads, features });
    if (setUp) await env.admin();
    await use(env);
    await env.core.reads.close();
    env.close();
  },
  admin: async ({ env }, use) => {
    await use(await env.admin());
  },
  newEnv: async ({ jobs, reads, features }, use) => {
    const made: TestEnv[] = [];
    await use(async () => {
      const env = await open({ jobs, reads, features });
      made.push(env);
      return env;
    });
    for (const env of made) {
      await env.core.reads.close();
      env.close();
    }
  },
});
