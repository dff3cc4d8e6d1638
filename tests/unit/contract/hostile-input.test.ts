import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../electron/core/shared/contract';
import { ERROR_CODES } from '../../../electron/core/shared/contract-kit';
import { type RunningHost, startHost } from '../../../electron/host';
import { makeEnv, type TestEnv } from '../support/test-core';

/**
 * The bad-input tally: the real host, signed in as admin, and for every channel of the contract
 * a battery of hostile inputs. Every answer must be in the contract's shape and never INTERNAL,
 * and a refused call must change nothing. Some inputs are legitimately accepted (search with {}).
 */

const root = path.resolve(__dirname, '../../..');
const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
/** root locale + features/<f>/locales mounted under the feature's name, as the renderer does */
function locale(name: 'zh-CN' | 'en'): Record<string, unknown> {
  const out: Record<string, unknown> = readJson(`renderer/src/locales/${name}.json`);
  const dir = path.join(root, 'renderer/src/features');
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f, 'locales', `${name}.json`);
    if (fs.existsSync(p)) out[f] = { ...((out[f] as object) ?? {}), ...JSON.parse(fs.readFileSync(p, 'utf8')) };
  }
  return out;
}
function translated(obj: Record<string, unknown>, key: string): boolean {
  if (typeof obj[key] === 'string') return true;
  const [head, ...rest] = key.split('.');
  const next = obj[head];
  return (
    !!next && typeof next === 'object' && rest.length > 0 && translated(next as Record<string, unknown>, rest.join('.'))
  );
}
const LOCALES = [locale('zh-CN'), locale('en')];

/** Characters no text field may take (the test's own list, independent of the core's rule). */
const BAD_CHARS = ['\u0000', '\u0085', '\udfff', '\u202e', '\u2067', '\u200b', '\ufeff'];
const HAS_BAD_CHAR = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Cs}]/u;
const carriesBadText = (v: unknown): boolean => {
  if (typeof v === 'string') return HAS_BAD_CHAR.test(v);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => HAS_BAD_CHAR.test(k) || carriesBadText(x));
  return false;
};

let nested: unknown = 'x';
for (let i = 0; i < 100; i++) nested = [nested];
/** far deeper nesting, as JSON text (JSON.stringify itself would overflow the test's stack) */
const DEEP = `${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
/** Values put in every field of every channel. */
const HOSTILE: unknown[] = [
  null,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  -1e300,
  'NaN',
  '',
  'a\u0000b',
  'x\ud800y',
  'admin\u202enimda',
  'x'.repeat(100_000),
  [1, 'a', null],
  { nested: { deeper: [{}] } },
  nested,
];

/** Inputs a channel accepts, or nearly: text fields are then poisoned one by one. */
const BASES: Partial<Record<string, Record<string, unknown>>> = {
  'customer.create': {
    name: '北京测试有限公司',
    shortName: '测试',
    memo: '备注',
    contacts: [{ name: '李四', title: '经理', phone: '010-1234567' }],
    addresses: [{ kind: 'registered', country: 'CN', street: '中关村大街1号' }],
  },
  'customer.search': { q: '测试' },
  'customer.pinyin': { name: '测试' },
  'customer.checkDuplicates': { name: '测试', phones: ['010-1234567'] },
  'user.create': { username: 'hostile', displayName: '测试用户', password: 'password-123', roles: ['clerk'] },
  'lookup.create': { kind: 'region', name: '测试片区' },
  'auth.login': { username: 'admin', password: 'not-the-password' },
  'system.ping': { echo: 'hello' },
};

/** Channels whose accepted calls run a file job in a worker (seconds each): fewer random runs. */
const SLOW = new Set(['customer.importTemplate', 'customer.export', 'customer.importUpload', 'review.start']);

interface Reply {
  status: number;
  type: string;
  body: string;
}
interface Tally {
  channel: string;
  calls: number;
  refusedInShape: number;
  accepted: number;
  other: number;
}

let env: TestEnv;
let host: RunningHost;
let cookie = '';
const adminId = 1;

function signIn() {
  cookie = `kh_session=${env.core.sessions.create(adminId)}`;
}

async function send(channel: string, body: string | undefined, headers: Record<string, string>): Promise<Reply> {
  const res = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'x-host-token': host.token, cookie, ...headers },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

const logRows = () => env.core.sqlite.prepare('SELECT count(*) FROM operation_log').pluck().get() as number;
const changes = () => env.core.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
/** Refusals that record the attempt by design: a wrong password counts towards the lock. */
const recordsAttempt = (e: { code?: unknown; fields?: unknown }) =>
  e.code === 'BAD_CREDENTIALS' ||
  e.code === 'ACCOUNT_LOCKED' ||
  (e.fields as Record<string, string> | undefined)?.currentPassword === 'errors.wrongPassword';

const tallies = new Map<string, Tally>();
const problems: string[] = [];

/** One call: judged, counted, and checked for changes when refused. */
async function probe(channel: string, body: string | undefined, headers: Record<string, string>, input?: unknown) {
  const t = tallies.get(channel) ?? { channel, calls: 0, refusedInShape: 0, accepted: 0, other: 0 };
  tallies.set(channel, t);
  t.calls++;
  const before = { rows: logRows(), changes: changes() };
  const r = await send(channel, body, headers);
  const label = `${channel} ${(body ?? '<no body>').slice(0, 120)}`;
  let answer: { ok?: unknown; data?: unknown; error?: { code?: unknown; messageKey?: unknown; fields?: unknown } };
  try {
    answer = JSON.parse(r.body);
  } catch {
    t.other++;
    problems.push(`${label}: not JSON (${r.status} ${r.body.slice(0, 80)})`);
    return;
  }
  const e = answer.error;
  const inShape =
    r.type.includes('application/json') &&
    ((answer.ok === true && 'data' in answer) ||
      (answer.ok === false &&
        !!e &&
        ERROR_CODES.includes(e.code as never) &&
        e.code !== 'INTERNAL' &&
        typeof e.messageKey === 'string' &&
        LOCALES.every((l) => translated(l, e.messageKey as string)) &&
        (e.fields === undefined ||
          Object.values(e.fields as Record<string, string>).every((k) => LOCALES.every((l) => translated(l, k))))));
  if (!inShape) {
    t.other++;
    problems.push(`${label}: ${r.status} ${r.body.slice(0, 200)}`);
    return;
  }
  if (answer.ok === true) {
    t.accepted++;
    if (input !== undefined && carriesBadText(input)) problems.push(`${label}: accepted text with hidden characters`);
    return;
  }
  t.refusedInShape++;
  const code = e?.code as string;
  if (!recordsAttempt(e ?? {}) && (logRows() !== before.rows || changes() !== before.changes)) {
    problems.push(`${label}: refused (${code}) but the database changed`);
  }
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') signIn();
}

const json = { 'content-type': 'application/json' };
const call = (channel: string, input: unknown) => probe(channel, JSON.stringify(input), json, input);

function topKeys(channel: string): string[] {
  const shape = (contract[channel as keyof typeof contract].input as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Every string of `value` (with its path), so each can be poisoned in turn. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}
function withValue(base: unknown, at: (string | number)[], v: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[at[at.length - 1]] = v;
  return copy;
}

const hostileArb = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

beforeAll(async () => {
  env = await makeEnv();
  const rendererDir = path.join(env.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  host = await startHost({ core: env.core, rendererDir });
  const admin = await env.admin();
  await admin.ok('customer.create', { name: '已有客户有限公司' });
  signIn();
});
afterAll(async () => {
  await host.close();
  env.close();
});

describe('hostile input, every channel, over HTTP', () => {
  it('answers in the contract shape, never INTERNAL, and changes nothing when it refuses', {
    timeout: 300_000,
  }, async () => {
    // sign-out last: it ends the session the others use
    const channels = [...CHANNELS.filter((c) => c !== 'auth.logout'), 'auth.logout'];
    const spy = console.error;
    console.error = () => {}; // an INTERNAL would be logged by the dispatcher; it is counted below instead
    try {
      for (const channel of channels) {
        // the request itself: malformed, wrong type, foreign page, not an object
        await probe(channel, '{"a":', json);
        await probe(channel, '{"__proto__":{"admin":true}}', json);
        await probe(channel, '{}', { 'content-type': 'text/plain' });
        await probe(channel, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
        await probe(channel, '{}', { ...json, origin: 'http://evil.example' });
        await probe(channel, '', json);
        await probe(channel, DEEP, json);
        await probe(channel, DEEP_OBJECT, json);
        for (const top of [[], 'text', 42, null, true, nested, Array.from({ length: 10_000 }, () => 'x')])
          await call(channel, top);
        await call(channel, { unexpected: 1 });

        // every field with every hostile value, the rest absent
        for (const key of topKeys(channel)) {
          for (const v of HOSTILE) await call(channel, { [key]: v });
          await probe(channel, `{${JSON.stringify(key)}:${DEEP}}`, json);
        }
        // a valid-looking input with each of its strings poisoned
        const base = BASES[channel];
        if (base) {
          for (const at of stringPaths(base)) {
            for (const ch of BAD_CHARS) {
              const original = at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], base) as string;
              await call(channel, withValue(base, at, `${original.slice(0, 1)}${ch}${original.slice(1)}`));
            }
          }
          for (const at of stringPaths(base)) await call(channel, withValue(base, at, 'x'.repeat(100_000)));
        }
        // random combinations of the channel's fields
        const keys = topKeys(channel);
        const arb = keys.length
          ? fc.dictionary(fc.constantFrom(...keys), hostileArb, { maxKeys: keys.length })
          : fc.dictionary(fc.string({ maxLength: 8 }), hostileArb, { minKeys: 1, maxKeys: 3 });
        await fc.assert(
          fc.asyncProperty(arb, async (input) => {
            await call(channel, base ? { ...base, ...input } : input);
          }),
          { numRuns: SLOW.has(channel) ? 3 : 8, seed: 20261130 },
        );
      }
    } finally {
      console.error = spy;
    }

    const rows = [...tallies.values()];
    console.log(
      `bad-input tally (${rows.reduce((n, r) => n + r.calls, 0)} calls):\n${rows
        .map(
          (r) =>
            `${r.channel.padEnd(28)} calls ${String(r.calls).padStart(4)}  refusedInShape ${String(r.refusedInShape).padStart(4)}  accepted ${String(r.accepted).padStart(3)}  other ${r.other}`,
        )
        .join('\n')}`,
    );
    if (problems.length) console.log(`${problems.length} problems:\n${problems.join('\n').slice(0, 20_000)}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(rows.map((r) => r.channel).sort()).toEqual([...CHANNELS].sort());
    expect(rows.every((r) => r.other === 0 && r.refusedInShape > 0)).toBe(true);
  });
});
