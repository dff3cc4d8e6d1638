import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { roles, userRoles, users } from '../../db/schema';
import { hashPassword } from '../../electron/core/auth/password';
import { type Core, closeCore, DB_FILE_NAME, openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import type { TransportCtx } from '../../electron/core/handler';
import { workerJobs } from '../../electron/core/jobs/client';
import { ensureCredentials, networkDir } from '../../electron/core/network/certs';
import { setListenerState } from '../../electron/core/network/listener-state';
import { poolSize, workerReads } from '../../electron/core/reads/pool';
import { startHost } from '../../electron/host';
import { startLan } from '../../electron/lan/listener';
import { bundleWorker } from '../unit/support/bundle-worker';
import { KINDS, makeQueries } from './customers-search.bench';
import type { LanClientsConfig } from './lan-clients';
import { benchDbFile } from './seed/bench-db';

const log = (msg: string) => process.stderr.write(`[lan_clients] ${msg}\n`);
const MIGRATIONS = path.resolve(__dirname, '../../db/migrations');
const ADDRESS = '127.0.0.2';
const GOAL_MS = 20;
/** a client's pause after each call in the paced phases */
const PACE_MS = Number(process.env.KEHU_BENCH_LAN_PACE_MS ?? 250);
const round = (x: number) => Math.round(x * 100) / 100;
const load = () => round(os.loadavg()[0]);

class Session implements TransportCtx {
  sessionToken: string | null = null;
  setSessionToken(t: string | null) {
    this.sessionToken = t;
  }
}

async function call<T>(core: Core, s: Session, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(core, channel, input, s);
  if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

/** An administrator inserted straight into the copied archive (its seeded users cannot sign in), signed in. */
async function signedInAdmin(core: Core): Promise<Session> {
  const at = core.clock.now().toISOString();
  const u = core.db
    .insert(users)
    .values({
      username: 'benchadmin',
      displayName: '并发测试管理员',
      passwordHash: await hashPassword('bench-pass-1'),
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  const admin = core.db
    .select()
    .from(roles)
    .all()
    .find((r) => r.code === 'admin');
  if (!admin) throw new Error('no admin role');
  core.db.insert(userRoles).values({ userId: u.id, roleId: admin.id }).run();
  const s = new Session();
  await call(core, s, 'auth.login', { username: 'benchadmin', password: 'bench-pass-1' });
  return s;
}

/** `POST /pair/redeem` over HTTPS to the listener, the CA pinned: a paired PC app's device secret. */
function redeem(port: number, ca: string, token: string): Promise<string> {
  const body = JSON.stringify({ token });
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: ADDRESS,
        port,
        method: 'POST',
        path: '/pair/redeem',
        ca,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const r = JSON.parse(text) as { ok: boolean; data?: { deviceSecret?: string } };
          if (!r.ok || !r.data?.deviceSecret) reject(new Error(`pairing refused: ${text}`));
          else resolve(r.data.deviceSecret);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The list page's search inputs (first page of 50): terms of every kind from real rows, and filtered/sorted pages. */
function searches(core: Core, rows: number): object[] {
  const queries = makeQueries(core.sqlite, rows, 12);
  const out: object[] = [];
  // interleaved by kind, so each client meets every kind
  for (let i = 0; i < 12; i++) {
    for (const kind of KINDS) {
      const q = queries[kind][i];
      if (q) out.push({ q, filters: {}, limit: 50 });
    }
  }
  out.push(
    { filters: {}, limit: 50 },
    { filters: { status: ['active'] }, sort: { field: 'name', order: 'asc' }, limit: 50 },
    { filters: {}, sort: { field: 'updatedAt', order: 'desc' }, limit: 50 },
    { q: '有限公司', filters: {}, limit: 50 },
  );
  return out;
}

/** CPU ms so far of each thread of this process by name (Linux; empty elsewhere): the read pool's threads apart from the main one. */
function threadsCpuMs(): Record<string, number> {
  const out: Record<string, number> = {};
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name =
        Number(tid) === process.pid
          ? 'main'
          : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))} (nice ${f[16]})`;
      // utime + stime in clock ticks (USER_HZ 100)
      out[name] = (out[name] ?? 0) + (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** The clients' process (lan-clients.ts): resolves with its figures once it exits. */
async function runClients(cfg: LanClientsConfig): Promise<Record<string, any>> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, path.join(__dirname, 'lan-clients.ts'), JSON.stringify(cfg)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`the clients' process exited with ${code}`);
  return JSON.parse(out);
}

type Summary = { n: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number };

/**
 * Issue 18's proof: CLIENTS paired PCs (default 10) on the office network listener (HTTPS on
 * 127.0.0.2, the office CA pinned, X-Device-Secret), each with its own clerk signed in, each
 * searching the customer list and saving customers in a loop, against a copy of a
 * KEHU_BENCH_LAN_ROWS archive (default 20,000); the same clients over the loopback host (plain
 * HTTP) in the same run as the baseline. The clients run in a process of their own.
 */
export async function lanBench() {
  const rows = Number(process.env.KEHU_BENCH_LAN_ROWS ?? 20_000);
  const seconds = Number(process.env.KEHU_BENCH_LAN_SECONDS ?? 20);
  const clients = Number(process.env.KEHU_BENCH_LAN_CLIENTS ?? 10);
  const loadStart = load();
  const t0 = performance.now();
  const source = await benchDbFile(rows, log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-lan-bench-'));
  // inside the repo, so that the bundles' packages resolve from node_modules
  const bundleDir = path.resolve(__dirname, '../../test-results/bench-lan-workers');
  let core: Core | null = null;
  const closers: (() => Promise<void>)[] = [];
  try {
    const jobsWorker = await bundleWorker(bundleDir);
    const readsWorker = await bundleWorker(bundleDir, 'reads');
    fs.copyFileSync(source, path.join(dir, DB_FILE_NAME));
    // as the app runs: jobs in worker threads, list reads in the read pool
    core = await openCore({
      dataDir: dir,
      migrationsFolder: MIGRATIONS,
      jobs: workerJobs({ script: { workerFile: jobsWorker, execArgv: [] } }),
      reads: workerReads({ script: { workerFile: readsWorker, execArgv: [] } }),
      dbOptions: { integrityCheckMaxBytes: 0 },
    });
    const c = core;
    await c.reads.warm();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');

    // the office network on 127.0.0.2 with the core's own CA and a certificate for the address
    const credentials = ensureCredentials(networkDir(dir), ADDRESS, new Date());
    const lan = await startLan({ core: c, rendererDir, address: ADDRESS, port: 0, trustPort: 5080, credentials });
    closers.push(() => lan.close());
    setListenerState(c, { state: 'running', url: `${lan.url}/`, trustUrl: `http://${ADDRESS}:5080/`, error: null });
    const host = await startHost({ core: c, rendererDir });
    closers.push(() => host.close());

    const admin = await signedInAdmin(c);
    await call(c, admin, 'network.configure', { enabled: true, address: ADDRESS, port: lan.port, trustPort: 5080 });
    // a clerk per PC, made through the contract as 用户管理 makes them; each PC paired as 添加设备 does
    const people: { username: string; password: string }[] = [];
    const deviceSecrets: string[] = [];
    for (let i = 0; i < clients; i++) {
      const username = `clerk${String(i + 1).padStart(2, '0')}`;
      const password = `clerk-pass-${i + 1}`;
      await call(c, admin, 'user.create', { username, displayName: `业务员${i + 1}`, password, roles: ['clerk'] });
      people.push({ username, password });
      const p = await call<{ url: string }>(c, admin, 'network.pairStart', { kind: 'desktop', name: `PC-${i + 1}` });
      const token = /#t=([^&]+)/.exec(p.url)?.[1];
      if (!token) throw new Error(`no token in ${p.url}`);
      deviceSecrets.push(await redeem(lan.port, credentials.caCert, token));
    }
    const workload = searches(c, rows);
    const setupSeconds = round((performance.now() - t0) / 1000);
    log(
      `set up in ${setupSeconds} s; ${clients} clients, ${workload.length} search inputs; ${seconds} s per transport`,
    );

    const cpu0 = process.cpuUsage();
    const threads0 = threadsCpuMs();
    const run0 = performance.now();
    const warm = Math.min(3, seconds);
    const phases = await runClients({
      lan: { url: lan.url, ca: credentials.caCert, deviceSecrets },
      loopback: { url: host.url, hostToken: host.token },
      users: people,
      searches: workload,
      phases: [
        { name: 'warm_up_loopback', transport: 'loopback', seconds: warm },
        { name: 'warm_up_lan', transport: 'lan', seconds: warm },
        // one client alone: each call's own time, with no other client ahead of it
        { name: 'one_client_loopback', transport: 'loopback', seconds: Math.min(5, seconds), clients: 1 },
        { name: 'one_client_lan', transport: 'lan', seconds: Math.min(5, seconds), clients: 1 },
        // at a person's pace (faster than any: a call every PACE_MS): the goal's figures
        { name: 'loopback', transport: 'loopback', seconds, pauseMs: PACE_MS },
        { name: 'lan', transport: 'lan', seconds, pauseMs: PACE_MS },
        // back to back: what the server PC can take at most (no goal)
        { name: 'loopback_saturated', transport: 'loopback', seconds },
        { name: 'lan_saturated', transport: 'lan', seconds },
      ],
    });
    const serverCpu = process.cpuUsage(cpu0);
    const runSeconds = (performance.now() - run0) / 1000;
    const threads1 = threadsCpuMs();
    const lanR = phases.lan;
    const loop = phases.loopback;
    const withGoal = (s: Summary) => ({ ...s, goal: `p95 <= ${GOAL_MS} ms`, goal_met: s.p95_ms <= GOAL_MS });
    const created = c.sqlite.prepare("SELECT count(*) FROM customers WHERE memo LIKE '并发测试 %'").pluck().get();
    return {
      rows,
      clients,
      seconds_per_transport: seconds,
      pace: `each client pauses ${PACE_MS} ms after each call (a search then a save every ${(2 * PACE_MS) / 1000} s and more per client: faster than a person works); 'saturated' below: back to back`,
      workload: `each client in a loop: customer.search (the list's first page of 50; ${workload.length} inputs: ${KINDS.join(', ')}, filtered and sorted pages), then a save (customer.create; every 4th time customer.update of its last one)`,
      setup_seconds: setupSeconds,
      read_pool_threads: poolSize(),
      lan: {
        transport: `HTTPS to ${ADDRESS}, CA pinned, X-Device-Secret, a kept-alive connection per client`,
        search: withGoal(lanR.search),
        save: withGoal(lanR.save),
        save_create: lanR.save_create,
        save_update: lanR.save_update,
        calls_per_s: lanR.calls_per_s,
        failed: lanR.failed,
        ...(lanR.first_error ? { first_error: lanR.first_error } : {}),
        clients_cpu_ms_per_s: lanR.clients_cpu_ms_per_s,
        load_average: lanR.load_average,
      },
      loopback: {
        transport: 'HTTP to 127.0.0.1 (the loopback host), X-Host-Token, a kept-alive connection per client',
        search: loop.search,
        save: loop.save,
        save_create: loop.save_create,
        save_update: loop.save_update,
        calls_per_s: loop.calls_per_s,
        failed: loop.failed,
        ...(loop.first_error ? { first_error: loop.first_error } : {}),
        clients_cpu_ms_per_s: loop.clients_cpu_ms_per_s,
        load_average: loop.load_average,
      },
      saturated: {
        pace: 'back to back: each client sends its next call as soon as the last is answered',
        lan: {
          search: phases.lan_saturated.search,
          save: phases.lan_saturated.save,
          calls_per_s: phases.lan_saturated.calls_per_s,
          failed: phases.lan_saturated.failed,
        },
        loopback: {
          search: phases.loopback_saturated.search,
          save: phases.loopback_saturated.save,
          calls_per_s: phases.loopback_saturated.calls_per_s,
          failed: phases.loopback_saturated.failed,
        },
      },
      ratio_lan_over_loopback_p95: {
        search: round(lanR.search.p95_ms / Math.max(0.01, loop.search.p95_ms)),
        save: round(lanR.save.p95_ms / Math.max(0.01, loop.save.p95_ms)),
      },
      customers_saved: created,
      // the server process (this one: hosts, dispatcher, writes; the read pool's threads included)
      server_cpu_ms_per_s: round((serverCpu.user + serverCpu.system) / 1000 / runSeconds),
      // by thread (Linux): the read pool's threads (customer.search) run at nice 10 beside the main one
      server_threads_cpu_ms_per_s: Object.fromEntries(
        Object.entries(threads1)
          .map(([k, v]) => [k, round((v - (threads0[k] ?? 0)) / runSeconds)] as const)
          .filter(([, v]) => v > 0)
          .sort((a, b) => b[1] - a[1]),
      ),
      one_client: {
        lan: { search: phases.one_client_lan.search, save: phases.one_client_lan.save },
        loopback: { search: phases.one_client_loopback.search, save: phases.one_client_loopback.save },
      },
      warm_up: { loopback: phases.warm_up_loopback, lan: phases.warm_up_lan },
      load_average: { before: loadStart, after: load() },
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    if (core) {
      await core.reads.close();
      closeCore(core);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
}
