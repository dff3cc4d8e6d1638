import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { LOW_PRIORITY, workerReads } from '../../../electron/core/reads/pool';
import { makeEnv, type TestEnv } from '../support/test-core';

const envs: TestEnv[] = [];
afterEach(async () => {
  for (const e of envs.splice(0)) {
    await e.core.reads.close();
    e.close();
  }
});

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function niceOfThreads(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      out.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** The nice values of the threads a pool started (the threads that appeared while it warmed up). */
async function poolThreadsNice(lowPriority: boolean | undefined): Promise<number[]> {
  const env = await makeEnv({ reads: workerReads({ size: 2, lowPriority }) });
  envs.push(env);
  const before = niceOfThreads();
  await env.core.reads.warm();
  return [...niceOfThreads()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
}

describe.runIf(process.platform === 'linux')("the pool threads' CPU priority", () => {
  it('is lowered below main\'s when asked (the default), kept at main\'s otherwise', async () => {
    expect(LOW_PRIORITY).toBe(true);
    // relative to this process's own nice value (a test run started under `nice` starts at 10)
    const main = os.getPriority();
    const low = await poolThreadsNice(undefined);
    expect(low.filter((n) => n >= Math.max(main, os.constants.priority.PRIORITY_BELOW_NORMAL)).length).toBe(2);
    const same = await poolThreadsNice(false);
    expect(same.length).toBeGreaterThanOrEqual(2);
    expect(same).toEqual(same.map(() => main));
  });
});
