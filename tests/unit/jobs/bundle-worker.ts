import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_WORKER } from '../../../electron/core/jobs/protocol';

/**
 * The job worker bundled as build/build-main.mjs bundles it, into `dir` (inside the repo, so that
 * its external packages resolve from node_modules); returns the bundle's path. Running the sources
 * through tsx instead would add seconds of compiling per thread.
 */
export async function bundleWorker(dir: string): Promise<string> {
  await build({
    entryPoints: {
      [BUNDLED_WORKER.replace(/\.js$/, '')]: path.resolve(__dirname, '../../../electron/core/jobs/worker.ts'),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: dir,
    logLevel: 'warning',
  });
  return path.join(dir, BUNDLED_WORKER);
}
