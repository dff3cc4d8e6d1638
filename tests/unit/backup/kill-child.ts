// A process that takes a backup and is killed mid-way by kill.test.ts: it says "copying" once the
// copy's temporary file has bytes in it, and then waits for its end.
import fs from 'node:fs';
import path from 'node:path';
import { backupsDir, TEMP_SUFFIX } from '../../../electron/core/backup/files';
import { takeBackup } from '../../../electron/core/backup/take';
import { openCore } from '../../../electron/core/core';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { inlineReads } from '../../../electron/core/reads/pool';

const [dataDir, migrationsFolder] = process.argv.slice(2);
async function main() {
  const core = await openCore({ dataDir, migrationsFolder, jobs: inlineJobs(), reads: inlineReads() });
  const dir = backupsDir(dataDir);
  const poll = setInterval(() => {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const temp = names.find((n) => n.endsWith(TEMP_SUFFIX));
    if (temp && fs.statSync(path.join(dir, temp)).size > 0) {
      clearInterval(poll);
      process.stdout.write('copying\n');
    }
  }, 1);
  await takeBackup(core, 'manual', null);
  process.stdout.write('finished\n');
}
void main();
