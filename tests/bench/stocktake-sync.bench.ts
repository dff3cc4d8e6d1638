import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import type { TransportCtx } from '../../electron/core/handler';
import { inlineReads } from '../../electron/core/reads/pool';
import type { Channel, ChannelInput, ChannelOutput } from '../../electron/core/shared/contract';
import { SYNC_PAGE } from '../../electron/core/stocktake/shared/stocktake.contract';
import { startHost } from '../../electron/host';
import { Prng } from './seed/prng';

// KEHU_SYNC_CUSTOMERS / KEHU_SYNC_SCANS: smaller sizes for a trial run
const CUSTOMERS = Number(process.env.KEHU_SYNC_CUSTOMERS ?? 20_000);
const SCANS = Number(process.env.KEHU_SYNC_SCANS ?? 5_000);
const GOAL_MS = 5_000;
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const since = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;
const log = (msg: string) => process.stderr.write(`[stocktake-sync] ${msg}\n`);

type Waiting = ChannelInput<'stocktake.syncScans'>['scans'][number];
type SyncItem = ChannelOutput<'stocktake.syncScans'>['items'][number];

/**
 * A phone's waiting scans as it keeps them: 80% first counts of expected customers, 12% the same
 * customers again (duplicates, reported), 8% codes no customer has (unknown), shuffled; each with
 * its own client id (`tag` keeps them apart between runs; each run counts its own stocktake).
 */
function waitingScans(tag: string): Waiting[] {
  const rng = new Prng(19);
  const firsts = Math.round(SCANS * 0.8);
  const dups = Math.round(SCANS * 0.12);
  const ids = new Set<number>();
  while (ids.size < firsts) ids.add(1 + rng.int(CUSTOMERS));
  const found = [...ids];
  const codes = [
    ...found.map((id) => `BS${String(id).padStart(7, '0')}`),
    ...Array.from({ length: dups }, () => `BS${String(found[rng.int(found.length)]).padStart(7, '0')}`),
    ...Array.from({ length: SCANS - firsts - dups }, (_, i) => `NOPE${String(i).padStart(6, '0')}`),
  ];
  for (let i = codes.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  const at = Date.parse('2026-01-05T01:00:00.000Z');
  return codes.map((code, i) => ({
    clientId: `${tag}-${String(i).padStart(6, '0')}`,
    code,
    source: 'camera',
    scannedAt: new Date(at + i * 1000).toISOString(),
    deviceId: 'bench-phone',
  }));
}

/** How a run's answers classify: per result, replayed and refused. */
function tally(items: SyncItem[]) {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = 'error' in x ? `refused_${x.error.code}` : x.replayed ? 'replayed' : x.result;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/**
 * Sync of a phone's 5,000 waiting scans (issue 19) into a stocktake over 20,000 customers, in pages
 * of 500 (stocktake.syncScans): through the dispatcher, and over the HTTP host as the phone will
 * send them; then the same pages sent again (a retry after a drop: all replayed, nothing added);
 * baselines: the same 5,000 one by one through stocktake.scan (dispatcher, and HTTP). Each run
 * counts a stocktake of its own over the same customers (synchronous=FULL, the app's settings).
 */
export async function stocktakeSyncBench() {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-sync-'));
  const core = await openCore({
    dataDir: dir,
    migrationsFolder: path.resolve(__dirname, '../../db/migrations'),
    reads: inlineReads(),
  });
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  const host = await startHost({ core, rendererDir });
  const session: TransportCtx = {
    sessionToken: null,
    setSessionToken(t) {
      this.sessionToken = t;
    },
  };
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await dispatch(core, channel, input, session);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.data as ChannelOutput<C>;
  };
  try {
    await call('auth.setup', { username: 'bench', displayName: 'Bench', password: 'bench-password' });
    const now = new Date().toISOString();
    core.sqlite
      .prepare(
        `INSERT INTO customers (code, name, name_norm, short_name, mnemonic, created_at, updated_at)
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         SELECT printf('BS%07d', i), '测速客户' || i, 'cesukehu' || i, '测速' || i, 'CSKH' || i, ?, ? FROM n`,
      )
      .run(CUSTOMERS, now, now);
    const headers = {
      'content-type': 'application/json',
      'x-host-token': host.token,
      cookie: `kh_session=${session.sessionToken}`,
    };
    const viaHttp = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
      const res = await fetch(`${host.url}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; data: ChannelOutput<C>; error?: unknown };
      if (!body.ok) throw new Error(`${channel} over HTTP: ${JSON.stringify(body.error)}`);
      return body.data;
    };
    const stocktake = async (name: string) =>
      (await call('stocktake.create', { name, scope: { kind: 'all' }, start: true })).id;
    const scansOf = (id: number) =>
      core.sqlite.prepare('SELECT count(*) FROM stocktake_scans WHERE stocktake_id = ?').pluck().get(id) as number;

    const syncRun = async (what: string, send: typeof call, stocktakeId: number, scans: Waiting[]) => {
      const before = load();
      const pages: number[] = [];
      const items: SyncItem[] = [];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < scans.length; i += SYNC_PAGE) {
        const t = process.hrtime.bigint();
        const r = await send('stocktake.syncScans', { stocktakeId, scans: scans.slice(i, i + SYNC_PAGE) });
        pages.push(since(t));
        items.push(...r.items);
      }
      const totalMs = since(t0);
      const inOrder = items.length === scans.length && items.every((x, i) => x.clientId === scans[i].clientId);
      log(`${what}: ${totalMs} ms`);
      return {
        what,
        pages: pages.length,
        total_ms: totalMs,
        page_ms: {
          min: Math.min(...pages),
          max: Math.max(...pages),
          mean: Math.round((totalMs / pages.length) * 100) / 100,
        },
        answers: tally(items),
        acked_in_order: inOrder,
        stored_in_stocktake: scansOf(stocktakeId),
        goal: `total <= ${GOAL_MS} ms, every scan answered in order`,
        goal_met: totalMs <= GOAL_MS && inOrder,
        load_average: { before, after: load() },
      };
    };
    const oneByOne = async (what: string, send: typeof call, stocktakeId: number, scans: Waiting[]) => {
      const before = load();
      const t0 = process.hrtime.bigint();
      for (const s of scans) await send('stocktake.scan', { stocktakeId, ...s });
      const totalMs = since(t0);
      log(`${what}: ${totalMs} ms`);
      return {
        what,
        total_ms: totalMs,
        stored_in_stocktake: scansOf(stocktakeId),
        load_average: { before, after: load() },
      };
    };

    const direct = await syncRun(
      'stocktake.syncScans through the dispatcher, pages of 500',
      call,
      await stocktake('sync direct'),
      waitingScans('d'),
    );
    const httpSt = await stocktake('sync http');
    const httpScans = waitingScans('h');
    const http = await syncRun('stocktake.syncScans over the HTTP host, pages of 500', viaHttp, httpSt, httpScans);
    const resend = await syncRun(
      'the same pages sent again over HTTP (a retry): all replayed',
      viaHttp,
      httpSt,
      httpScans,
    );
    const resendOk = resend.answers.replayed === SCANS && resend.stored_in_stocktake === SCANS;
    const baseDirect = await oneByOne(
      'stocktake.scan one by one through the dispatcher',
      call,
      await stocktake('one direct'),
      waitingScans('o'),
    );
    const baseHttp = await oneByOne(
      'stocktake.scan one by one over the HTTP host',
      viaHttp,
      await stocktake('one http'),
      waitingScans('p'),
    );
    return {
      goal: `sync of ${SCANS} waiting scans (pages of ${SYNC_PAGE}) <= ${GOAL_MS} ms, through the dispatcher and over the HTTP host; a resend adds nothing`,
      goal_met: direct.goal_met && http.goal_met && resendOk,
      customers: CUSTOMERS,
      scans: SCANS,
      direct,
      http,
      resend: { ...resend, goal: 'every scan replayed, none stored twice', goal_met: resendOk },
      baseline: {
        one_by_one_direct: baseDirect,
        one_by_one_http: baseHttp,
        speedup_direct: Math.round((baseDirect.total_ms / direct.total_ms) * 10) / 10,
        speedup_http: Math.round((baseHttp.total_ms / http.total_ms) * 10) / 10,
      },
      load_average: { before: loadBefore, after: load() },
    };
  } finally {
    await host.close();
    core.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
