import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/core';
import { killMain } from './kill-cli';
import { bundleHost, HttpClient, killChild, type RunningChild, startChild } from './kill-child';
import { KINDS, OPS } from './kill-ops';
import { newTally, prng, World } from './kill-world';

/**
 * The kill test: the host in a child process, several clients writing through the contract at
 * once, SIGKILL at a random moment, restart, and check: PRAGMA integrity_check is ok, every
 * write whose reply arrived is there exactly as acknowledged, and a write in flight at the kill is
 * there whole or not at all (kill-world.ts). The writes are the table in kill-ops.ts.
 * `npm run proof -- kill 1000 [--seed N] [--lanes N]`.
 */
export interface KillOptions {
  cycles: number;
  seed: number;
  /** clients writing at once */
  lanes?: number;
  /** the kill comes this long after the writes begin: uniform in [min, max] ms */
  killAfterMs?: [number, number];
  /** share of cycles killed while the host is still starting (opening, recovering the log) */
  startKillShare?: number;
  /** every how many cycles all entities are checked (else: those written since the last check) */
  fullCheckEvery?: number;
  log?: (line: string) => void;
}

export interface KillReport {
  seed: number;
  cycles: number;
  lanes: number;
  kills_during_start: number;
  writes_acknowledged: number;
  writes_lost: number;
  /** writes in flight at a kill (no reply) */
  unacknowledged: number;
  unacknowledged_but_present: number;
  /** a write found partly applied: must be 0 */
  half_written: number;
  integrity_failures: number;
  /** writes the host refused (the op table's mistake, not a fault): 0 expected */
  refused: number;
  refused_codes: Record<string, number>;
  failures: string[];
  writes_by_channel: Record<string, number>;
  entities: number;
  duration_s: number;
  host_start_ms_p50: number;
  load_average: { before: number[]; after: number[] };
}

const ADMIN = { username: 'admin', password: 'kill-admin-pass-1' };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** integrity_check and the entities' states, on a read-only connection beside the running host. */
function check(file: string, world: World, all: boolean): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') {
      world.tally.integrityFailures++;
      world.tally.failures.push(`integrity_check: ${String(result)}`);
    }
    world.verify(db, all);
  } finally {
    db.close();
  }
}

/** An op of the table, drawn by weight. */
function drawOp(world: World): (typeof OPS)[number] {
  let r = world.rng() * OPS.reduce((s, o) => s + o.weight, 0);
  for (const op of OPS) {
    r -= op.weight;
    if (r < 0) return op;
  }
  return OPS[0];
}

/** One client writing until its call gets no answer (the host is gone) or `stop()` says so. */
async function lane(client: HttpClient, world: World, counts: Record<string, number>, stop: () => boolean): Promise<void> {
  while (!stop()) {
    let planned = null;
    for (let tries = 0; !planned && tries < 10; tries++) planned = drawOp(world).plan(world);
    planned ??= OPS[0].plan(world)!;
    world.begin(planned);
    let reply: Awaited<ReturnType<HttpClient['call']>>;
    try {
      reply = await client.call(planned.channel, planned.input);
    } catch {
      return; // no answer: the write stays in flight, to be looked for after the restart
    }
    world.settle(planned, reply);
    counts[planned.channel] = (counts[planned.channel] ?? 0) + 1;
  }
}

async function signIn(child: RunningChild, first: boolean): Promise<HttpClient> {
  const client = new HttpClient(child.url, child.token);
  if (first) await client.ok('auth.setup', { ...ADMIN, displayName: '系统管理员' });
  else await client.ok('auth.login', ADMIN);
  return client;
}

export async function runKill(opts: KillOptions): Promise<{ report: KillReport; dataDir: string }> {
  const log = opts.log ?? (() => {});
  const lanes = opts.lanes ?? 4;
  const [minMs, maxMs] = opts.killAfterMs ?? [20, 1000];
  const rng = prng(opts.seed);
  const tally = newTally();
  const world = new World(rng, opts.seed.toString(36).toUpperCase(), KINDS, tally);
  const counts: Record<string, number> = {};
  const loadBefore = os.loadavg();
  const t0 = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-kill-'));
  const file = path.join(dataDir, DB_FILE_NAME);
  const { dir: bundleDir, script } = await bundleHost();
  const startMs: number[] = [];
  let startKills = 0;
  let setUp = false;
  try {
    for (let cycle = 0; cycle <= opts.cycles; cycle++) {
      // after the last cycle: one more start, a full check, and no kill
      const last = cycle === opts.cycles;
      const started = performance.now();
      const { proc, ready } = startChild(script, dataDir);
      if (!last && setUp && rng() < (opts.startKillShare ?? 0.05)) {
        // killed while opening: the log left by the last kill is being recovered and checked
        await sleep(rng() * 400);
        ready.catch(() => {});
        await killChild(proc);
        startKills++;
        continue;
      }
      const child = await ready;
      startMs.push(performance.now() - started);
      try {
        if (child.fault) throw new Error(`the host started in a fault: ${child.fault}\n${child.stderr()}`);
        const client = await signIn(child, !setUp);
        if (!setUp) {
          const reasons = (await client.ok('lookup.list', { kinds: ['deactivationReason'] })).items as { id: number; key: string }[];
          world.refs.deactivationReason = reasons.find((r) => r.key === 'inactive')!.id;
          setUp = true;
        }
        check(file, world, last || cycle % (opts.fullCheckEvery ?? 100) === 0);
        if (!world.entities.has('setting:security')) {
          const db = new Database(file, { readonly: true });
          world.adopt(db, 'setting', 'security');
          db.close();
        }
        if (last) break;
        const clients = [client, ...(await Promise.all(Array.from({ length: lanes - 1 }, () => signIn(child, false))))];
        let killed = false;
        const delay = minMs + rng() * (maxMs - minMs);
        const killer = sleep(delay).then(async () => {
          killed = true;
          await killChild(proc, child.exited);
        });
        await Promise.all(clients.map((c) => lane(c, world, counts, () => killed)));
        await killer;
      } finally {
        await killChild(proc, child.exited);
      }
      if ((cycle + 1) % 50 === 0 || cycle + 1 === opts.cycles) {
        log(`cycle ${cycle + 1}/${opts.cycles}: ${tally.acknowledged} acknowledged, ${tally.lost} lost, ${tally.half} half, ${tally.integrityFailures} integrity failures`);
      }
    }
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
  const sorted = [...startMs].sort((a, b) => a - b);
  const report: KillReport = {
    seed: opts.seed,
    cycles: opts.cycles,
    lanes,
    kills_during_start: startKills,
    writes_acknowledged: tally.acknowledged,
    writes_lost: tally.lost,
    unacknowledged: tally.unacknowledged,
    unacknowledged_but_present: tally.unacknowledgedPresent,
    half_written: tally.half,
    integrity_failures: tally.integrityFailures,
    refused: tally.refused,
    refused_codes: tally.refusedCodes,
    failures: tally.failures,
    writes_by_channel: counts,
    entities: world.entities.size,
    duration_s: Math.round((performance.now() - t0) / 100) / 10,
    host_start_ms_p50: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    load_average: { before: loadBefore, after: os.loadavg() },
  };
  return { report, dataDir };
}

/** `npm run proof -- kill [cycles] [--seed N] [--lanes N]`: prints the report as JSON; exit 1 when anything was lost. */
export function main(args: string[]): Promise<number> {
  return killMain(args, {
    title: 'kill test',
    defaultCycles: 20,
    run: runKill,
    failed: (report) => report.writes_lost + report.half_written + report.integrity_failures > 0,
  });
}
