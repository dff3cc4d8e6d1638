import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface KillRun<R> {
  /** its name in the log line, e.g. "kill test" */
  title: string;
  defaultCycles: number;
  run(o: { cycles: number; seed: number; lanes?: number; log: (line: string) => void }): Promise<{ report: R; dataDir: string }>;
  /** whether the report shows a check failed */
  failed(report: R): boolean;
}

/**
 * The command line of a kill proof (`[cycles] [--seed N] [--lanes N] [--keep]`): runs it, prints
 * its report as JSON, keeps the data folder when a check failed (or --keep); exit code 1 on failure.
 */
export async function killMain<R>(args: string[], proof: KillRun<R>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: 'string' }, lanes: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const cycles = Number(positionals[0] ?? proof.defaultCycles);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  console.error(`${proof.title}: ${cycles} cycles, seed ${seed} (run again with --seed ${seed})`);
  const lanes = values.lanes ? Number(values.lanes) : undefined;
  const { report, dataDir } = await proof.run({ cycles, seed, lanes, log: (l) => console.error(l) });
  const failed = proof.failed(report);
  console.log(JSON.stringify(report, null, 2));
  if (failed || values.keep) console.error(`data kept for inspection: ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}
