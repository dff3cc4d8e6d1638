import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * The lan_clients bench's clients, in a process of their own (as the office's PCs are): each of
 * `users.length` clients is a paired PC's app on the LAN listener (HTTPS, X-Device-Secret, the
 * CA pinned as `ca`), or the same person in a window of the loopback host (HTTP, X-Host-Token);
 * each signs in once per transport, then loops: a customer search as the list page sends it,
 * then a save (a new customer, every fourth time an edit of the one it made last). One
 * kept-alive connection per client and transport. Run as `node <tsx> lan-clients.ts <config JSON>`;
 * prints the figures as JSON on stdout.
 */
export interface LanClientsConfig {
  lan: { url: string; ca: string; deviceSecrets: string[] };
  loopback: { url: string; hostToken: string };
  /** a clerk per client: user name and password */
  users: { username: string; password: string }[];
  /** the phases in order; each runs its first `clients` clients (default: all) at once for its seconds */
  phases: {
    name: string;
    transport: 'lan' | 'loopback';
    seconds: number;
    clients?: number;
    /** a client's pause after each call (a person's pace); 0: back to back */
    pauseMs?: number;
  }[];
  /** the list page's search inputs, of every kind of term */
  searches: object[];
}

interface Answer {
  status: number;
  text: string;
  setCookie: string[];
}

const round = (x: number) => Math.round(x * 100) / 100;
function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { n: s.length, p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), max_ms: round(s[s.length - 1] ?? 0) };
}

/** One client's connection to one transport: its agent (one kept-alive socket), headers and cookies. */
class Connection {
  private readonly jar = new Map<string, string>();
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(
    url: string,
    private readonly headers: Record<string, string>,
    private readonly ca?: string,
  ) {
    this.base = new URL(url);
    // verification stays on: the listener's certificate must chain to the office's CA
    this.agent = ca
      ? new https.Agent({ keepAlive: true, maxSockets: 1, ca })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  post(channel: string, input: unknown): Promise<Answer> {
    const body = JSON.stringify(input);
    const headers: Record<string, string | number> = {
      ...this.headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const url = new URL(`/api/${channel}`, this.base);
    const request = this.ca ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie'] ?? [];
          for (const c of setCookie) {
            const [pair] = c.split(';');
            const i = pair.indexOf('=');
            const k = pair.slice(0, i);
            const v = pair.slice(i + 1);
            if (v && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.jar.set(k, v);
            else this.jar.delete(k);
          }
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), setCookie });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The call's data; throws with the answer when it is refused. */
  async ok<T>(channel: string, input: unknown): Promise<T> {
    const a = await this.post(channel, input);
    if (!a.text.startsWith('{"ok":true')) throw new Error(`${channel} refused (${a.status}): ${a.text.slice(0, 200)}`);
    return (JSON.parse(a.text) as { data: T }).data;
  }

  close() {
    this.agent.destroy();
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const STEMS = ['华信', '恒达', '鑫源', '宏图', '瑞丰', '金桥', '永盛', '东方', '长城', '新世纪'];
const TRADES = ['商贸', '科技', '建材', '电子', '食品', '物流', '贸易', '机械'];

/** Client `c`'s `k`-th new customer: a name and a mobile no seeded customer has (195 is not a seeded prefix). */
function newCustomer(c: number, k: number) {
  const stem = STEMS[(c + k) % STEMS.length];
  const trade = TRADES[(c * 3 + k) % TRADES.length];
  const contact = `${SURNAMES[(c * 7 + k) % SURNAMES.length]}经理`;
  return {
    name: `${stem}${trade}${c + 1}号${k + 1}部有限公司`,
    nature: 'enterprise',
    contacts: [
      {
        name: contact,
        mobile: `195${String(c).padStart(2, '0')}${String(k % 1_000_000).padStart(6, '0')}`,
        isPrimary: true,
      },
    ],
    creditLimitCents: ((c + k) % 50) * 100_000,
    memo: `并发测试 ${c + 1}-${k + 1}`,
  };
}

interface Saved {
  id: number;
  version: number;
}
/** the customer a client saved last, as it sent it */
type Last = { saved: Saved; input: ReturnType<typeof newCustomer> };

/** One client's loop on one connection until `until`: search, save, search, save … */
async function loop(
  conn: Connection,
  c: number,
  cfg: LanClientsConfig,
  until: number,
  state: { made: number },
  pauseMs = 0,
) {
  const pause = () => (pauseMs > 0 ? new Promise((r) => setTimeout(r, pauseMs)) : Promise.resolve());
  const search: number[] = [];
  const create: number[] = [];
  const update: number[] = [];
  let failed = 0;
  let firstError = '';
  let last = null as Last | null;
  const timed = async (into: number[], fn: () => Promise<unknown>) => {
    const t = performance.now();
    try {
      await fn();
      into.push(performance.now() - t);
    } catch (err) {
      if (!failed++) firstError = (err as Error).message;
    }
  };
  for (let i = 0; performance.now() < until; i++) {
    // the clients start at different terms and go through them at different strides
    const q = cfg.searches[(c * 37 + i * (c + 1) * 7) % cfg.searches.length];
    await timed(search, async () => {
      const a = await conn.post('customer.search', q);
      if (!a.text.startsWith('{"ok":true'))
        throw new Error(`customer.search refused (${a.status}): ${a.text.slice(0, 200)}`);
    });
    await pause();
    if (last && i % 4 === 3) {
      const edit: Last = last;
      await timed(update, async () => {
        const input = { ...edit.input, memo: `${edit.input.memo}，第 ${i} 次修改` };
        const saved = await conn.ok<Saved>('customer.update', {
          id: edit.saved.id,
          version: edit.saved.version,
          ...input,
        });
        last = { saved, input };
      });
    } else {
      const input = newCustomer(c, state.made++);
      await timed(create, async () => {
        const saved = await conn.ok<Saved>('customer.create', input);
        last = { saved, input };
      });
    }
    await pause();
  }
  return { search, create, update, failed, firstError };
}

async function run(cfg: LanClientsConfig) {
  const n = cfg.users.length;
  const lan = cfg.users.map(
    (_u, c) => new Connection(cfg.lan.url, { 'x-device-secret': cfg.lan.deviceSecrets[c] }, cfg.lan.ca),
  );
  const loopback = cfg.users.map(() => new Connection(cfg.loopback.url, { 'x-host-token': cfg.loopback.hostToken }));
  try {
    // each person signs in once on each transport (a LAN session belongs to the device it was made on)
    for (let c = 0; c < n; c++) {
      await lan[c].ok('auth.login', cfg.users[c]);
      await loopback[c].ok('auth.login', cfg.users[c]);
    }
    const made = cfg.users.map(() => ({ made: 0 }));
    const phases: Record<string, unknown> = {};
    for (const phase of cfg.phases) {
      const conns = (phase.transport === 'lan' ? lan : loopback).slice(0, phase.clients ?? n);
      const loadBefore = round(os.loadavg()[0]);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const until = t0 + phase.seconds * 1000;
      const results = await Promise.all(conns.map((conn, c) => loop(conn, c, cfg, until, made[c], phase.pauseMs)));
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const all = (k: 'search' | 'create' | 'update') => results.flatMap((r) => r[k]);
      const saves = [...all('create'), ...all('update')];
      const failed = results.reduce((s, r) => s + r.failed, 0);
      phases[phase.name] = {
        transport: phase.transport,
        clients: conns.length,
        seconds: round(wall),
        search: summary(all('search')),
        save: summary(saves),
        save_create: summary(all('create')),
        save_update: summary(all('update')),
        calls_per_s: round((all('search').length + saves.length) / wall),
        failed,
        ...(failed ? { first_error: results.find((r) => r.failed)?.firstError } : {}),
        // the clients' own CPU (they share this machine's cores with the server)
        clients_cpu_ms_per_s: round((cpu.user + cpu.system) / 1000 / wall),
        load_average: { before: loadBefore, after: round(os.loadavg()[0]) },
      };
    }
    return phases;
  } finally {
    // kept-alive connections would keep this process alive, and the bench waits for its exit
    for (const conn of [...lan, ...loopback]) conn.close();
  }
}

if (require.main === module) {
  run(JSON.parse(process.argv[2]) as LanClientsConfig).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
