// The worker threads bundled beside the main-side entries (dist/main): name → source, relative to
// the project root. build-main.mjs bundles them; so does the kill test's host bundle
// (tests/proof/kill-child.ts), so that a worker added here is in both.
export const WORKER_ENTRIES = {
  // the job worker thread (import, export, review, ...), found next to main.js by electron/core/jobs/protocol.ts
  'jobs.worker': 'electron/core/jobs/worker.ts',
  // the read pool's threads (long reads off the main thread), found next to main.js by electron/core/reads/protocol.ts
  'reads.worker': 'electron/core/reads/worker.ts',
  // the integrity check at open (db/quick-check.ts), found next to main.js / web.js
  'db-quick-check.worker': 'db/quick-check.worker.ts',
  // the backup thread (copies and checks), found next to main.js by electron/core/backup/worker-client.ts
  'backup.worker': 'electron/core/backup/backup.worker.ts',
};
