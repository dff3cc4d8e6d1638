/**
 * The kill test's child (restore-kill.test.ts): opens the data folder as the app does and
 * restores the chosen file, saying on stdout when it starts and at each step of the swap; killed
 * by its parent at a random moment, or by itself at a named step (argv[4]).
 */
import { loadActor } from '../../../electron/core/actor';
import { restore } from '../../../electron/core/backup/restore.service';
import { closeCore, openCore } from '../../../electron/core/core';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { inlineReads } from '../../../electron/core/reads/pool';

async function main() {
  const [dataDir, source, migrationsFolder, killAt] = process.argv.slice(2);
  const core = await openCore({ dataDir, migrationsFolder, reads: inlineReads(), jobs: inlineJobs() });
  const actor = loadActor(core, 1);
  if (!actor) throw new Error('no user 1');
  process.stdout.write('ready\n');
  await restore(
    core,
    actor,
    { source: { kind: 'file', path: source } },
    {
      onStep: (step) => {
        process.stdout.write(`step ${step}\n`);
        if (step === killAt) process.kill(process.pid, 'SIGKILL');
      },
    },
  );
  process.stdout.write('done\n');
  closeCore(core);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
