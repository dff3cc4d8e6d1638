import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_WORKER } from '../../../electron/core/jobs/protocol';
import { BUNDLED_READS_WORKER } from '../../../electron/core/reads/protocol';

const SOURCES = {
  jobs: { file: BUNDLED_WORKER, source: '../../../electron/core/jobs/worker.ts' },
  reads: { file: BUNDLED_READS_WORKER, source: '../../../electron/core/reads/worker.ts' },
} as const;

/**
 * A worker thread's script (the job worker, or the read pool's) bundled as build/build-main.mjs
 * bundles it, into `dir` (inside the repo, so that its external packages resolve from
 * node_modules); returns the bundle's path. Running the sources through tsx instead would add
 * seconds of compiling per thread.
 */
export async function bundleWorker(dir: string, which: keyof typeof SOURCES = 'jobs'): Promise<string> {
  const { file, source } = SOURCES[which];
  await bundleEntries(dir, { [file.replace(/\.js$/, '')]: path.resolve(__dirname, source) });
  return path.join(dir, file);
}

/** Entry points (name → absolute source) bundled into `dir` with the options build/build-main.mjs uses. */
export async function bundleEntries(dir: string, entryPoints: Record<string, string>): Promise<void> {
  await build({
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outdir: dir,
    logLevel: 'warning',
  });
}
