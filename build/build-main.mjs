// Bundles the main-side entry points (Electron main + preload, the web host CLI) with esbuild.
// Packages stay external (node_modules ships with the app); electron is provided at run time.
import { build } from 'esbuild';
import { WORKER_ENTRIES } from './worker-entries.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: {
      main: 'electron/main.ts',
      web: 'electron/web.ts',
      ...WORKER_ENTRIES,
    },
    outdir: 'dist/main',
    packages: 'external',
  }),
  // a sandboxed preload may only require('electron'): everything else is bundled in
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/main',
    external: ['electron'],
  }),
]);
