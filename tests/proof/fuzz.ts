import os from 'node:os';
import { formatTally, runFuzz, writeTally } from '../unit/contract/fuzz-kit/run-fuzz';

/**
 * `npm run proof -- fuzz [runs] [seed]`: the unit test's fuzz of every channel with more generated
 * inputs per channel (default 200) and the oversized body sent to every channel. Prints the tally
 * per channel (the closing note quotes it), writes it to test-results/fuzz-tally.json, and lists
 * the problems found; exit code 1 when there are any.
 */
export async function main(args: string[]): Promise<number> {
  const runs = Number(args[0] ?? 200);
  const seed = Number(args[1] ?? 20261130);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run proof -- fuzz [runs] [seed]');
    return 2;
  }
  const loadBefore = os.loadavg();
  console.log(
    `fuzz: seed ${seed}, ${runs} runs per channel (load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')})`,
  );
  const r = await runFuzz({ runs, seed, oversizedEverywhere: true, log: (l) => console.log(l) });
  const file = writeTally(r);
  console.log(formatTally(r));
  console.log(
    `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`tally written to ${file}`);
  for (const u of r.unknownKinds) console.log(`cannot fuzz: ${u}`);
  if (r.problems.length) console.log(`${r.problems.length} problems:\n${r.problems.join('\n')}`);
  return r.problems.length || r.unknownKinds.length ? 1 : 0;
}
