import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_READS_WORKER } from '../../../electron/core/reads/protocol';

/**
 * The read pool's worker bundled as build/build-main.mjs bundles it, into `dir` (inside the repo,
 * so that its external packages resolve from node_modules); returns the bundle's path. Benchmarks
 * measure it rather than the sources through tsx, which compile for seconds in every thread.
 */
export async function bundleReadsWorker(dir: string): Promise<string> {
  await build({
    entryPoints: {
      [BUNDLED_READS_WORKER.replace(/\.js$/, '')]: path.resolve(__dirname, '../../../electron/core/reads/worker.ts'),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: dir,
    logLevel: 'warning',
  });
  return path.join(dir, BUNDLED_READS_WORKER);
}
