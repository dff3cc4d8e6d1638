import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/core/events';
import { inlineJobs } from '../../../electron/core/jobs/client';
import { features } from '../../../electron/core/features';
import { jobKindsOf } from '../../../electron/core/jobs/kinds';
import { createJobRegistry, type JobContext } from '../../../electron/core/jobs/registry';
import { JOB_PROGRESS_EVENT } from '../../../electron/core/jobs/shared/jobs.contract';
import { createWriteGate } from '../../../electron/core/write-gate';
import { inlineRunner, makeEnv, type TestEnv } from '../support/test-core';

const envs: TestEnv[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.close();
});

const noop = () => undefined;

describe('the job registry', () => {
  it('takes a plain list of maps and runs a kind by its name', async () => {
    const registry = createJobRegistry([{ 'demo.double': (n: number) => n * 2 }, { 'other.hello': () => 'hi' }]);
    expect(registry.kinds()).toEqual(['demo.double', 'other.hello']);
    const coreOn = () => {
      throw new Error('no core in this test');
    };
    const ctx: JobContext = { report: noop, acquireWrite: async () => {}, helpers: null, coreOn };
    expect(await registry.run('demo.double', 21, ctx)).toBe(42);
    await expect(registry.run('demo.triple', 1, ctx)).rejects.toThrow('unknown job kind "demo.triple"');
  });

  it('refuses a kind not named <feature>.<job>, or named twice', () => {
    expect(() => createJobRegistry([{ review: noop }])).toThrow('not named <feature>.<job>');
    expect(() => createJobRegistry([{ 'a.b.c': noop }])).toThrow('not named <feature>.<job>');
    expect(() => createJobRegistry([{ 'demo.x': noop }, { 'demo.x': noop }])).toThrow('registered twice');
  });

  it("the features' maps: each names its kinds after one feature, and together they build", () => {
    const kinds = jobKindsOf(features);
    expect(() => createJobRegistry(kinds)).not.toThrow();
    const prefixes = kinds.map((map) => [...new Set(Object.keys(map).map((k) => k.split('.')[0]))]);
    expect(prefixes).toEqual([['customers'], ['import'], ['review'], ['stocktake'], ['settlement'], ['network']]);
  });
});

describe("a core's runner", () => {
  it('sends progress as job.progress with the kind and the id, to the user who started the job only', async () => {
    const env = await makeEnv({
      jobs: inlineJobs([
        {
          'demo.count': (n: number, { report }: JobContext) => {
            for (let i = 0; i <= n; i++) report({ phase: 'count', done: i, total: n });
            return n;
          },
        },
      ]),
    });
    envs.push(env);
    const events: AppEvent[] = [];
    env.core.events.subscribe((e) => events.push(e));
    expect(await env.core.jobs.run('demo.count', 2, { userId: 7, id: 'upload-1' })).toBe(2);
    expect(events).toEqual(
      [0, 1, 2].map((done) => ({
        name: JOB_PROGRESS_EVENT,
        payload: { kind: 'demo.count', id: 'upload-1', phase: 'count', done, total: 2 },
        userId: 7,
      })),
    );
    // a job the feature gives no id gets one of its own
    events.length = 0;
    await env.core.jobs.run('demo.count', 0, { userId: 7 });
    expect((events[0].payload as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts the running jobs of a kind from the moment run is called until it ends, however it ends', async () => {
    let finish: (ok: boolean) => void = noop;
    const env = await makeEnv({
      jobs: inlineJobs([
        {
          'demo.wait': () =>
            new Promise((resolve, reject) => {
              finish = (ok) => (ok ? resolve('done') : reject(new Error('failed')));
            }),
        },
      ]),
    });
    envs.push(env);
    const first = env.core.jobs.run('demo.wait', null, { userId: 1 });
    expect(env.core.jobs.running('demo.wait')).toBe(1);
    expect(env.core.jobs.running('demo.other')).toBe(0);
    await Promise.resolve();
    finish(true);
    expect(await first).toBe('done');
    expect(env.core.jobs.running('demo.wait')).toBe(0);
    const second = env.core.jobs.run('demo.wait', null, { userId: 1 });
    await Promise.resolve();
    finish(false);
    await expect(second).rejects.toThrow('failed');
    expect(env.core.jobs.running('demo.wait')).toBe(0);
  });

  it("holds the core's write gate while a job writes: that core's writes wait, another core's do not", async () => {
    let proceed: () => void = noop;
    const entered = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    let finish: () => void = noop;
    const env = await makeEnv({
      jobs: inlineJobs([
        {
          'demo.write': async (_i: unknown, { acquireWrite }: JobContext) => {
            await acquireWrite();
            proceed();
            await new Promise<void>((resolve) => {
              finish = resolve;
            });
          },
        },
      ]),
    });
    const other = await makeEnv({ jobs: inlineRunner() });
    envs.push(env, other);
    const job = env.core.jobs.run('demo.write', null, { userId: 1 });
    await entered;
    let waited = false;
    const mine = env.core.writes.wait().then(() => {
      waited = true;
    });
    await other.core.writes.wait(); // resolves although the first core's gate is held
    await new Promise((resolve) => setImmediate(resolve));
    expect(waited).toBe(false);
    finish();
    await job;
    await mine;
    expect(waited).toBe(true);
  });

  it('a worker error names the job worker and the kind', async () => {
    const env = await makeEnv(); // the worker runner, as in the app
    envs.push(env);
    await expect(env.core.jobs.run('nothing.here', {}, { userId: 1 })).rejects.toThrow(
      /^job worker \(nothing\.here\): .*unknown job kind "nothing\.here"/,
    );
  });
});

describe('the write gate', () => {
  it('lets one holder in at a time, in turn, when several wait for it', async () => {
    const gate = createWriteGate();
    const first = await gate.hold();
    const order: string[] = [];
    const enter = (name: string) => (open: () => void) => {
      order.push(name);
      return open;
    };
    const b = gate.hold().then(enter('b'));
    const c = gate.hold().then(enter('c'));
    first();
    const openB = await b;
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['b']);
    openB();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    await expect(gate.wait()).resolves.toBeUndefined();
  });
});
