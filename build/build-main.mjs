// Bundles the main-side entry points (Electron main + preload, the web host CLI) with esbuild.
// Packages stay external (node_modules ships with the app); electron is provided at run time.
import { build } from 'esbuild';

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
      // the job worker thread (import, export, review, ...), found next to main.js by electron/core/jobs/protocol.ts
      'jobs.worker': 'electron/core/jobs/worker.ts',
      // the read pool's threads (long reads off the main thread), found next to main.js by electron/core/reads/protocol.ts
      'reads.worker': 'electron/core/reads/worker.ts',
      // the integrity check at open (db/quick-check.ts), found next to main.js / web.js
      'db-quick-check.worker': 'db/quick-check.worker.ts',
      // the backup thread (copies and checks), found next to main.js by electron/core/backup/worker-client.ts
      'backup.worker': 'electron/core/backup/backup.worker.ts',
    },
    outdir: 'dist/main',
    packages: 'external',
  }),
  // a sandboxed preload may only require('electron'): everything else is bundled in
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/main', external: ['electron'] }),
]);
