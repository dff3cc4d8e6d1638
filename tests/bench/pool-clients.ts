import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The main_thread bench's clients in a process of their own, as the office's windows and phones
 * are: each calls the host over HTTP (`POST /api/<channel>`) as soon as it is answered, and a
 * pinger sends `system.ping` every 10 ms. The host's process then does only the server's work, and
 * its main thread's stalls are measured there. Run as `node <tsx> pool-clients.ts <config JSON>`;
 * prints the figures as JSON on stdout.
 */
export interface ClientsConfig {
  url: string;
  hostToken: string;
  /** a signed-in session per client: [pinger, review, review, search, search, export, details] */
  sessions: string[];
  seconds: number;
  /** only the pinger (the baseline: an idle host) */
  pingOnly?: boolean;
  workload: { search: object[]; review: object[]; ids: number[]; exportQ: string };
}

const round = (x: number) => Math.round(x * 100) / 100;
function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { n: s.length, p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), max_ms: round(s[s.length - 1] ?? 0) };
}
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One POST over a kept-alive connection, with node:http rather than fetch: on one machine the
 * clients share the host's cores, and fetch's layers took more CPU than the host's main thread
 * (a load generator must not be the load the host waits behind; the office's windows run on
 * their own PCs). Resolves with the body's text.
 */
function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(cfg: ClientsConfig) {
  // a connection per client at most, kept alive as a browser keeps it
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.sessions.length });
  try {
    return await runWith(cfg, agent);
  } finally {
    // kept-alive connections would keep this process alive, and the host waits for its exit
    agent.destroy();
  }
}

async function runWith(cfg: ClientsConfig, agent: http.Agent) {
  const send = async (session: string, channel: string, input: unknown) => {
    const text = await post(
      agent,
      new URL(`/api/${channel}`, cfg.url),
      { 'content-type': 'application/json', 'x-host-token': cfg.hostToken, cookie: `kh_session=${session}` },
      JSON.stringify(input),
    );
    if (!text.startsWith('{"ok":true')) throw new Error(`${channel} refused: ${text.slice(0, 200)}`);
  };
  const until = performance.now() + cfg.seconds * 1000;
  const pinger = async (period = 10) => {
    const fromDue: number[] = [];
    const t0 = performance.now();
    let k = 0;
    while (performance.now() < until) {
      const wait = t0 + k * period - performance.now();
      if (wait > 0) await sleep(wait);
      await send(cfg.sessions[0], 'system.ping', { echo: 'x' });
      const end = performance.now();
      do fromDue.push(end - (t0 + k++ * period));
      while (t0 + k * period <= end);
    }
    return { round_trip: summary(fromDue) };
  };
  const client = async (next: (i: number) => Promise<unknown>) => {
    const ms: number[] = [];
    let failed = 0;
    let firstError = '';
    for (let i = 0; performance.now() < until; i++) {
      const t = performance.now();
      try {
        await next(i);
        ms.push(performance.now() - t);
      } catch (err) {
        if (!failed++) firstError = (err as Error).message;
      }
    }
    return { ...summary(ms), failed, ...(failed ? { first_error: firstError } : {}) };
  };
  if (cfg.pingOnly) return { ping: await pinger(), clients: {} };
  const w = cfg.workload;
  const s = cfg.sessions;
  const [ping, review1, review2, search1, search2, exports, details] = await Promise.all([
    pinger(),
    client((i) => send(s[1], 'review.candidates', w.review[i % w.review.length])),
    client((i) => send(s[2], 'review.candidates', w.review[(i + 3) % w.review.length])),
    client((i) => send(s[3], 'customer.search', w.search[i % w.search.length])),
    client((i) => send(s[4], 'customer.search', w.search[(i * 7 + 1) % w.search.length])),
    client(() => send(s[5], 'customer.export', { q: w.exportQ, format: 'csv' })),
    client((i) => {
      const id = w.ids[i % w.ids.length];
      if (i % 3 === 0) return send(s[6], 'customer.get', { id });
      if (i % 3 === 1) return send(s[6], 'customer.history', { id });
      return send(s[6], 'audit.list', { page: 1 + (i % 5) });
    }),
  ]);
  return { ping, clients: { review_candidates: [review1, review2], customer_search: [search1, search2], customer_export: exports, details_and_log: details } };
}

if (require.main === module) {
  const t0 = performance.now();
  run(JSON.parse(process.argv[2]) as ClientsConfig).then(
    // with the CPU this process took from the host's (on one machine, the clients share its cores)
    (r) => {
      const cpu = process.cpuUsage();
      const cpu_ms_per_s = Math.round(((cpu.user + cpu.system) / 1000 / ((performance.now() - t0) / 1000)) * 100) / 100;
      process.stdout.write(JSON.stringify({ ...r, clients_process: { cpu_ms_per_s } }));
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
