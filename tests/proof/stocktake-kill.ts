import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '../../electron/core/core';
import { killMain } from './kill-cli';
import { bundleHost, HttpClient, killChild, type RunningChild, startChild } from './kill-child';
import { prng } from './kill-world';
import { ScanLedger, type SentScan } from './stocktake-kill-ledger';

/**
 * The stocktake's kill test: the host in a child process, a stocktake counting, several clients
 * sending scans as fast as they can (each with its client id; some resend a scan already
 * answered, some take one back), SIGKILL in the middle of the burst, restart on the same folder.
 * After each restart (stocktake-kill-ledger.ts): every acknowledged scan is stored once, none
 * twice, the line tallies equal the live scans, and the stocktake is still counting; the scans
 * whose answer never came are resent (stored before → answered as a replay, else counted now), and
 * the next burst shows it takes more scans.
 * `npm run proof -- stocktake-kill [cycles] [--seed N] [--lanes N]`.
 */
export interface StocktakeKillOptions {
  cycles: number;
  seed: number;
  /** clients sending at once */
  lanes?: number;
  /** customers in the archive (the stocktake expects all but the ones added after it started) */
  customers?: number;
  /** the kill comes this long after the burst begins: uniform in [min, max] ms */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
}

export interface StocktakeKillReport {
  seed: number;
  cycles: number;
  lanes: number;
  scans_sent: number;
  scans_acknowledged: number;
  /** resends of answered scans, answered from the stored row */
  replays: number;
  /** scans in flight at a kill */
  unanswered_at_kill: number;
  /** of those, found stored after the restart (committed before the kill, answer lost) */
  unanswered_but_stored: number;
  undos_acknowledged: number;
  refused: Record<string, number>;
  failures: string[];
  scans_stored: number;
  lines: number;
  duration_s: number;
  load_average: { before: number[]; after: number[] };
}

const ADMIN = { username: 'admin', password: 'kill-admin-pass-1' };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface World {
  rng: () => number;
  ledger: ScanLedger;
  codes: string[];
  tag: string;
  serial: number;
  refused: Record<string, number>;
  undos: number;
}

function nextScan(w: World, cycle: number, lane: number): SentScan {
  const r = w.rng();
  // mostly known customers (so duplicates come often), some unknown codes
  const code = r < 0.9 ? w.codes[Math.floor(w.rng() * w.codes.length)] : `UNK${Math.floor(w.rng() * 50)}`;
  const s: SentScan = { clientId: `${w.tag}-c${cycle}-l${lane}-${w.serial++}`, code, scanId: null };
  w.ledger.sent.set(s.clientId, s);
  return s;
}

const scanInput = (w: World, s: SentScan) => ({
  stocktakeId: w.ledger.stocktakeId,
  clientId: s.clientId,
  code: s.code,
  source: 'scanner',
  scannedAt: new Date().toISOString(),
  deviceId: 'kill-test',
});

/** One client sending until a call gets no answer (the host is gone) or `stop()` says so. */
async function lane(client: HttpClient, w: World, cycle: number, laneNo: number, stop: () => boolean): Promise<void> {
  while (!stop()) {
    const r = w.rng();
    const live = r < 0.15 ? w.ledger.liveAcked() : [];
    if (r < 0.1 && live.length) {
      // a resend of an answered scan (a client that missed the answer): answered, not counted
      const s = live[Math.floor(w.rng() * live.length)];
      let reply: Awaited<ReturnType<HttpClient['call']>>;
      try {
        reply = await client.call('stocktake.scan', scanInput(w, s));
      } catch {
        return;
      }
      if (reply.ok) w.ledger.ack(s.clientId, reply.data, true);
      else w.refused[reply.error.code] = (w.refused[reply.error.code] ?? 0) + 1;
      continue;
    }
    if (r < 0.15 && live.length) {
      const s = live[Math.floor(w.rng() * live.length)];
      const scanId = s.scanId!;
      w.ledger.undoInFlight.add(scanId);
      let reply: Awaited<ReturnType<HttpClient['call']>>;
      try {
        reply = await client.call('stocktake.undo', { stocktakeId: w.ledger.stocktakeId, scanId, reason: 'kill test' });
      } catch {
        return; // stays in flight: stored or not, both are right
      }
      w.ledger.undoInFlight.delete(scanId);
      if (reply.ok) {
        w.ledger.undone.add(scanId);
        w.undos++;
      } else w.refused[reply.error.code] = (w.refused[reply.error.code] ?? 0) + 1;
      continue;
    }
    const s = nextScan(w, cycle, laneNo);
    let reply: Awaited<ReturnType<HttpClient['call']>>;
    try {
      reply = await client.call('stocktake.scan', scanInput(w, s));
    } catch {
      return; // no answer: resent after the restart
    }
    if (reply.ok) w.ledger.ack(s.clientId, reply.data, false);
    else w.refused[reply.error.code] = (w.refused[reply.error.code] ?? 0) + 1;
  }
}

async function signIn(child: RunningChild, first: boolean): Promise<HttpClient> {
  const client = new HttpClient(child.url, child.token);
  if (first) await client.ok('auth.setup', { ...ADMIN, displayName: '系统管理员' });
  else await client.ok('auth.login', ADMIN);
  return client;
}

/** The archive and the stocktake: customers, a stocktake over all active ones, then one deactivated and two added (out of scope). */
async function setUp(client: HttpClient, n: number, tag: string): Promise<{ stocktakeId: number; codes: string[] }> {
  const codes: string[] = [];
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = `${tag}${String(i).padStart(4, '0')}`;
    const c = await client.ok('customer.create', { code, name: `盘点客户${code}`, contacts: [], duplicateReason: 'kill test' });
    codes.push(code);
    ids.push(c.id);
  }
  const st = await client.ok('stocktake.create', { name: '断电盘点', scope: { kind: 'all' }, start: true });
  const reasons = (await client.ok('lookup.list', { kinds: ['deactivationReason'] })).items as { id: number; key: string }[];
  const reasonId = reasons.find((r) => r.key === 'inactive')!.id;
  await client.ok('customer.deactivate', { ids: [ids[0]], memo: 'kill test', reasonId, acknowledgeOpenItems: true });
  for (const i of [n, n + 1]) {
    const code = `${tag}${String(i).padStart(4, '0')}`;
    await client.ok('customer.create', { code, name: `盘点客户${code}`, contacts: [], duplicateReason: 'kill test' });
    codes.push(code);
  }
  return { stocktakeId: st.id, codes };
}

/** The stored scans' client ids and the undone scan ids (read-only, beside the running host). */
function stored(file: string, stocktakeId: number): { clientIds: Set<string>; undone: Set<number> } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      clientIds: new Set(db.prepare('SELECT client_id FROM stocktake_scans WHERE stocktake_id = ?').pluck().all(stocktakeId) as string[]),
      undone: new Set(db.prepare('SELECT scan_id FROM stocktake_undos WHERE stocktake_id = ?').pluck().all(stocktakeId) as number[]),
    };
  } finally {
    db.close();
  }
}

function check(file: string, ledger: ScanLedger): { scans: number; lines: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return ledger.check(db);
  } finally {
    db.close();
  }
}

export async function runStocktakeKill(opts: StocktakeKillOptions): Promise<{ report: StocktakeKillReport; dataDir: string }> {
  const log = opts.log ?? (() => {});
  const lanes = opts.lanes ?? 6;
  const [minMs, maxMs] = opts.killAfterMs ?? [100, 800];
  const rng = prng(opts.seed);
  const loadBefore = os.loadavg();
  const t0 = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-stocktake-kill-'));
  const file = path.join(dataDir, DB_FILE_NAME);
  const { dir: bundleDir, script } = await bundleHost();
  const tag = `K${opts.seed.toString(36).toUpperCase()}`;
  let w: World | null = null;
  let unansweredAtKill = 0;
  let unansweredStored = 0;
  let last = { scans: 0, lines: 0 };
  try {
    for (let cycle = 0; cycle <= opts.cycles; cycle++) {
      const final = cycle === opts.cycles;
      const { proc, ready } = startChild(script, dataDir);
      const child = await ready;
      try {
        if (child.fault) throw new Error(`the host started in a fault: ${child.fault}\n${child.stderr()}`);
        const client = await signIn(child, !w);
        if (!w) {
          const { stocktakeId, codes } = await setUp(client, opts.customers ?? 40, tag);
          w = { rng, ledger: new ScanLedger(stocktakeId), codes, tag, serial: 0, refused: {}, undos: 0 };
        }
        const world = w;
        last = check(file, world.ledger);
        // the scans the kill cut off: resent now, each answered once (a replay if it was stored)
        const found = stored(file, world.ledger.stocktakeId);
        for (const s of world.ledger.unanswered()) {
          const was = found.clientIds.has(s.clientId);
          unansweredAtKill++;
          if (was) unansweredStored++;
          const reply = await client.call('stocktake.scan', scanInput(world, s));
          if (reply.ok) world.ledger.ack(s.clientId, reply.data, was);
          else world.ledger.fail(`resend of ${s.clientId} after the restart refused: ${JSON.stringify(reply.error)}`);
        }
        // an undo the kill cut off: committed (now known undone) or not (the scan is live again)
        for (const id of world.ledger.undoInFlight) if (found.undone.has(id)) world.ledger.undone.add(id);
        world.ledger.undoInFlight.clear();
        if (final) {
          // it takes more scans, and its progress agrees with the stored scans
          const s = nextScan(world, cycle, 0);
          const reply = await client.call('stocktake.scan', scanInput(world, s));
          if (!reply.ok) world.ledger.fail(`a scan after the last restart was refused: ${JSON.stringify(reply.error)}`);
          else world.ledger.ack(s.clientId, reply.data, false);
          last = check(file, world.ledger);
          break;
        }
        const clients = [client, ...(await Promise.all(Array.from({ length: lanes - 1 }, () => signIn(child, false))))];
        let killed = false;
        const killer = sleep(minMs + rng() * (maxMs - minMs)).then(async () => {
          killed = true;
          await killChild(proc, child.exited);
        });
        await Promise.all(clients.map((c, i) => lane(c, world, cycle, i, () => killed)));
        await killer;
      } finally {
        await killChild(proc, child.exited);
      }
      log(`cycle ${cycle + 1}/${opts.cycles}: ${w?.ledger.acknowledged} acknowledged, ${w?.ledger.failures.length} failures`);
    }
  } finally {
    fs.rmSync(bundleDir, { recursive: true, force: true });
  }
  const ledger = w!.ledger;
  const report: StocktakeKillReport = {
    seed: opts.seed,
    cycles: opts.cycles,
    lanes,
    scans_sent: ledger.sent.size,
    scans_acknowledged: ledger.acknowledged,
    replays: ledger.replays,
    unanswered_at_kill: unansweredAtKill,
    unanswered_but_stored: unansweredStored,
    undos_acknowledged: w!.undos,
    refused: w!.refused,
    failures: ledger.failures,
    scans_stored: last.scans,
    lines: last.lines,
    duration_s: Math.round((performance.now() - t0) / 100) / 10,
    load_average: { before: loadBefore, after: os.loadavg() },
  };
  return { report, dataDir };
}

/** `npm run proof -- stocktake-kill [cycles] [--seed N] [--lanes N]`: the report as JSON; exit 1 when a check failed. */
export function main(args: string[]): Promise<number> {
  return killMain(args, {
    title: 'stocktake kill test',
    defaultCycles: 50,
    run: runStocktakeKill,
    failed: (report) => report.failures.length > 0 || Object.keys(report.refused).length > 0,
  });
}
