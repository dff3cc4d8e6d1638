import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBackgroundJobs } from '../../electron/core/background';
import { openCoreOrFault } from '../../electron/core/core';
import { startHost } from '../../electron/host';

/**
 * The host as `npm run web` runs it (electron/web.ts), for the kill test: it opens the data with
 * openCoreOrFault, starts the HTTP host and the timers, and prints one JSON line with its URL and
 * token. It never stops by itself: the kill test ends it with SIGKILL. Bundled with the workers
 * by kill-child.ts, so that each of the many starts costs what the built app's start does.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'migrations': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? '.');
  const core = await openCoreOrFault({ dataDir, migrationsFolder: path.resolve(values.migrations ?? 'db/migrations') });
  const host = await startHost({ core, rendererDir: path.resolve(values['renderer-dir'] ?? dataDir), port: 0 });
  if (!core.fault) startBackgroundJobs(core);
  process.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, fault: core.fault?.kind ?? null })}\n`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
