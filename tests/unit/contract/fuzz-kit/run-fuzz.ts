import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadActor } from '../../../../electron/core/actor';
import type { AnyFeature } from '../../../../electron/core/feature';
import type { JobRunner } from '../../../../electron/core/jobs/client';
import { CHANNELS, contract } from '../../../../electron/core/shared/contract';
import type { ChannelDef } from '../../../../electron/core/shared/contract-kit';
import { refusedTextFields } from '../../../../electron/core/shared/normalize';
import { type RunningHost, startHost } from '../../../../electron/host';
import { changedTables, type TableChecksums, tableChecksums } from '../../support/table-checksum';
import { inlineRunner, makeEnv, type TestEnv, userByName } from '../../support/test-core';
import { judge, type Reply } from './judge';
import { BAD_CHARS, encode, mutate, mutationArb, SQL_TEXT } from './mutations';
import { TEXT_SAMPLES, UnknownSchemaKind, validArb } from './schema-arbitrary';

/**
 * The fuzz of every channel of the contract, over the real HTTP host, signed in as admin: the
 * request layer's battery (bad JSON, wrong content types, no body, oversized), then near-valid
 * inputs generated from the channel's input schema and mutations of them. Each answer is judged
 * (judge.ts); a refused call must change no row of any table (table-checksum.ts). Used by the
 * unit test (a modest count) and by `npm run proof -- fuzz [runs]`.
 */

export interface FuzzOptions {
  /** generated inputs per channel (near-valid and mutated) */
  runs: number;
  seed: number;
  /** the core's features (a test's broken handler, to show the fuzz finds it); default the app's */
  features?: readonly AnyFeature[];
  /** the channels to fuzz (default: all, sign-out last) */
  channels?: readonly string[];
  /** send the oversized body to every channel (else to a few) */
  oversizedEverywhere?: boolean;
  log?: (line: string) => void;
}

export interface Tally {
  channel: string;
  calls: number;
  refusedInShape: number;
  accepted: number;
  /** accepted calls that changed rows (saves, state changes): fine, counted apart */
  acceptedChanged: number;
  other: number;
  /** refusals by error code */
  codes: Record<string, number>;
}

export interface FuzzResult {
  seed: number;
  runs: number;
  tallies: Tally[];
  problems: string[];
  /** channels the walker could not generate for (an unknown zod kind): each is a failure */
  unknownKinds: string[];
  ms: number;
}

/**
 * Channels whose accepted call starts long work (a file job, a review run, a backup): their
 * mutated inputs are kept to the refused ones, plus a few accepted runs.
 */
const SLOW = new Set([
  'customer.importTemplate',
  'customer.importUpload',
  'customer.export',
  'review.start',
  'backup.run',
  'backup.export',
]);
/**
 * A restore would replace the data under the fuzz: its accepted case is excluded (only inputs
 * validation refuses, and near-valid ones naming no usable backup, are sent). The channel itself
 * stays fuzzed; an acceptance is a failure.
 */
const NEVER_ACCEPTED = new Set(['backup.restore', 'backup.restoreDamaged']);
const SLOW_ACCEPTED_RUNS = 2;
/**
 * Valid starting points where the schema has cross-field rules the walker cannot satisfy (a
 * customer's one primary contact, one default address …): the minimal accepted input, with
 * generated text (SQL-looking text included, which must be stored as written). Near-valid inputs
 * and mutations start from these as often as from the walker's.
 */
const BASES: Partial<Record<string, (text: string, sqlite: TestEnv['core']['sqlite']) => unknown>> = {
  'customer.create': (name) => ({ name }),
  'customer.update': (name, sqlite) => ({
    id: 1,
    version: sqlite.prepare('SELECT version FROM customers WHERE id = 1').pluck().get(),
    name,
    duplicateReason: '不是同一家',
  }),
};
const baseText = fc.oneof(
  fc.constantFrom(...TEXT_SAMPLES, ...SQL_TEXT),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
);
/** the oversized body (over the host's 50 MB limit) goes to these unless oversizedEverywhere */
const OVERSIZED_FEW = new Set(['customer.create', 'auth.login', 'backup.saveSettings']);

/** Refusals that record the attempt by design (a wrong password counts towards the lock), and where. */
const RECORDS_ATTEMPT = new Set(['BAD_CREDENTIALS', 'ACCOUNT_LOCKED']);
const ATTEMPT_TABLES = new Set(['users', 'operation_log']);

const json = { 'content-type': 'application/json' };
const DEEP = `${'['.repeat(20_000)}"x"${']'.repeat(20_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
let nested: unknown = 'x';
for (let i = 0; i < 100; i++) nested = [nested];

/** The request layer's battery: body text (or bytes) and headers. */
const HTTP_CASES: [string | Uint8Array | undefined, Record<string, string>][] = [
  ['{"a":', json],
  ['{"__proto__":{"admin":true}}', json],
  ['{"constructor":{"prototype":{"admin":true}}}', json],
  ['{"a":1,"a":2}', json],
  ['{}', { 'content-type': 'text/plain' }],
  ['a=1', { 'content-type': 'application/x-www-form-urlencoded' }],
  [
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    { 'content-type': 'multipart/form-data; boundary=x' },
  ],
  ['<a/>', { 'content-type': 'application/xml' }],
  ['{}', { 'content-type': 'application/json; charset=utf-16' }],
  [new TextEncoder().encode('{}'), {}],
  [undefined, {}],
  ['', json],
  ['\ufeff{}', json],
  [Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), json],
  ['{}', { ...json, origin: 'http://evil.example' }],
  [DEEP, json],
  [DEEP_OBJECT, json],
];
const TOP_LEVEL: unknown[] = [[], 'text', 42, null, true, nested, Array.from({ length: 10_000 }, () => 'x')];

const carriesBadText = (v: unknown): boolean => refusedTextFields(v) !== null;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  // jobs run on this thread and are tracked, so a job an accepted call started has finished
  // before the next call's checksum (its rows would otherwise look like the next call's doing)
  const pending = new Set<Promise<unknown>>();
  const tracked =
    (runner: JobRunner): JobRunner =>
    (host) => {
      const jobs = runner(host);
      return {
        running: jobs.running,
        run: ((kind: string, input: unknown, owner: { userId: number }) => {
          const p = jobs.run(kind, input, owner);
          pending.add(p);
          void p.catch(() => {}).finally(() => pending.delete(p));
          return p;
        }) as typeof jobs.run,
      };
    };
  const env: TestEnv = await makeEnv({ jobs: tracked(inlineRunner()), features: opts.features });
  const rendererDir = path.join(env.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  const sandbox = path.join(env.dir, 'sandbox');
  fs.mkdirSync(sandbox);
  fs.writeFileSync(path.join(sandbox, 'garbage.sqlite'), Buffer.alloc(8192, 0x5a));
  fs.writeFileSync(path.join(sandbox, 'notes.txt'), 'not a database\n');
  // an existing folder (a second location that can be used)
  fs.mkdirSync(path.join(sandbox, 'second'));
  const host: RunningHost = await startHost({ core: env.core, rendererDir });

  const admin = await env.admin();
  await admin.ok('customer.create', { name: '已有客户有限公司' });
  await admin.ok('lookup.create', { kind: 'region', name: '测试片区' });
  const adminId = userByName(env.core, 'admin')!.id;
  const adminRole = env.core.sqlite.prepare("SELECT id FROM roles WHERE code = 'admin'").pluck().get() as number;
  const adminPermissions = env.core.sqlite
    .prepare('SELECT permission FROM role_permissions WHERE role_id = ?')
    .pluck()
    .all(adminRole) as string[];
  let cookie = '';
  const signIn = () => {
    cookie = `kh_session=${env.core.sessions.create(adminId)}`;
  };
  signIn();

  let last: TableChecksums | null = null;
  const checksum = () => tableChecksums(env.core.sqlite);
  /** An accepted call may have demoted, disabled or locked the admin (user.update, …): put it back, outside any measured call. */
  const keepAdmin = () => {
    const a = loadActor(env.core, adminId);
    const u = env.core.sqlite
      .prepare('SELECT disabled, failed_attempts, locked_until FROM users WHERE id = ?')
      .get(adminId) as {
      disabled: number;
      failed_attempts: number;
      locked_until: string | null;
    };
    if (
      a &&
      adminPermissions.every((p) => a.permissions.has(p as never)) &&
      !u.disabled &&
      !u.locked_until &&
      !u.failed_attempts
    )
      return;
    env.core.sqlite
      .prepare('INSERT OR IGNORE INTO user_roles (user_id, role_id) VALUES (?, ?)')
      .run(adminId, adminRole);
    env.core.sqlite
      .prepare('UPDATE users SET disabled = 0, failed_attempts = 0, locked_until = NULL WHERE id = ?')
      .run(adminId);
    last = null;
    signIn();
  };

  const tallies = new Map<string, Tally>();
  const problems: string[] = [];
  const unknownKinds: string[] = [];

  async function send(
    channel: string,
    body: string | Uint8Array | undefined,
    headers: Record<string, string>,
  ): Promise<Reply> {
    const res = await fetch(`${host.url}/api/${channel}`, {
      method: 'POST',
      headers: { 'x-host-token': host.token, cookie, ...headers },
      body: body as BodyInit | undefined,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  }

  async function probe(
    channel: string,
    body: string | Uint8Array | undefined,
    headers: Record<string, string>,
    input?: unknown,
  ) {
    const def = contract[channel as keyof typeof contract] as ChannelDef;
    const t = tallies.get(channel) ?? {
      channel,
      calls: 0,
      refusedInShape: 0,
      accepted: 0,
      acceptedChanged: 0,
      other: 0,
      codes: {},
    };
    tallies.set(channel, t);
    t.calls++;
    const before = last ?? checksum();
    const r = await send(channel, body, headers);
    while (pending.size) await Promise.allSettled([...pending]);
    await env.core.writes.wait();
    const after = checksum();
    last = after;
    const changed = changedTables(before, after);
    const shown = typeof body === 'string' ? body : body ? `<${body.length} bytes>` : '<no body>';
    const label = `${channel} ${shown.slice(0, 160)}`;
    const v = judge(r, def.output);
    if (v.kind === 'other') {
      t.other++;
      problems.push(`${label}: ${v.why}`);
      if (changed.length) problems.push(`${label}: not in shape, and it changed ${changed.join(', ')}`);
    } else if (v.kind === 'accepted') {
      t.accepted++;
      if (changed.length) t.acceptedChanged++;
      if (NEVER_ACCEPTED.has(channel)) problems.push(`${label}: accepted (the fuzz never sends an input that may be)`);
      if (changed.length && !def.writes)
        problems.push(`${label}: a channel not flagged \`writes\` changed ${changed.join(', ')}`);
      if (input !== undefined && carriesBadText(input)) problems.push(`${label}: accepted text with hidden characters`);
      keepAdmin();
    } else {
      t.refusedInShape++;
      t.codes[v.code] = (t.codes[v.code] ?? 0) + 1;
      const allowed = RECORDS_ATTEMPT.has(v.code) || v.fields?.currentPassword === 'errors.wrongPassword';
      const bad = allowed ? changed.filter((x) => !ATTEMPT_TABLES.has(x)) : changed;
      if (bad.length) problems.push(`${label}: refused (${v.code}) but changed ${bad.join(', ')}`);
      if (v.code === 'UNAUTHENTICATED' || v.code === 'SESSION_EXPIRED') signIn();
      if (allowed) keepAdmin();
    }
  }
  const call = (channel: string, input: unknown) => probe(channel, encode(input), json, input);

  const channels = opts.channels ?? [...CHANNELS.filter((c) => c !== 'auth.logout'), 'auth.logout'];
  const oversized = `{"a":"${'x'.repeat(51 * 1024 * 1024)}"}`;
  const cwd = process.cwd();
  // a relative path in any input lands in the sandbox, not in the project
  process.chdir(sandbox);
  const errorLog = console.error;
  console.error = () => {}; // an INTERNAL is logged by the dispatcher; it is counted as a problem instead
  try {
    for (const channel of channels) {
      const def = contract[channel as keyof typeof contract] as ChannelDef;
      let valid: fc.Arbitrary<unknown>;
      try {
        valid = validArb(def.input, { sandbox }, channel);
      } catch (err) {
        if (!(err instanceof UnknownSchemaKind)) throw err;
        unknownKinds.push(err.message);
        continue;
      }
      /** what the server would accept as input: the text rule and the schema, on what JSON carries */
      const passes = (v: unknown) => {
        const sent = v === undefined ? {} : JSON.parse(encode(v));
        return refusedTextFields(sent) === null && def.input.safeParse(sent).success;
      };
      const mutated = fc.tuple(valid, mutationArb).map(([v, m]) => mutate(v, m, sandbox));
      const base = BASES[channel];
      /** a starting input, made at call time (a base reads the row's current version) */
      const start: fc.Arbitrary<() => unknown> = base
        ? fc.oneof(
            valid.map((v) => () => v),
            baseText.map((text) => () => base(text, env.core.sqlite)),
          )
        : valid.map((v) => () => v);

      for (const [body, headers] of HTTP_CASES) await probe(channel, body, headers);
      if (opts.oversizedEverywhere || OVERSIZED_FEW.has(channel)) await probe(channel, oversized, json);
      for (const top of TOP_LEVEL) await call(channel, top);
      const shape = (def.input as { shape?: Record<string, unknown> }).shape ?? {};
      for (const key of Object.keys(shape)) await probe(channel, `{${JSON.stringify(key)}:${DEEP}}`, json);
      if (channel === 'backup.restore') {
        // near-valid, naming nothing that can be restored: refused by the service, never accepted
        for (const source of [
          { kind: 'listed', id: 2 ** 31 - 1 },
          { kind: 'file', path: path.join(sandbox, 'garbage.sqlite') },
          { kind: 'file', path: path.join(sandbox, 'notes.txt') },
          { kind: 'file', path: path.join(sandbox, 'missing.sqlite') },
          { kind: 'file', path: sandbox },
        ])
          await call(channel, { source });
      }

      const limited = SLOW.has(channel) || NEVER_ACCEPTED.has(channel);
      const nearValidRuns =
        channel === 'backup.restore' ? 0 : SLOW.has(channel) ? SLOW_ACCEPTED_RUNS : Math.ceil(opts.runs / 2);
      if (nearValidRuns) {
        await fc.assert(
          fc.asyncProperty(start, fc.constantFrom(...BAD_CHARS), fc.nat(), async (make, char, pick) => {
            const v = make();
            await call(channel, v);
            // a near-valid input with one text poisoned: refused whatever else it holds
            const poisoned = mutate(v, { kind: 'poison', pick, value: null, extraKey: '', char }, sandbox);
            if (!limited || !passes(poisoned)) await call(channel, poisoned);
          }),
          { numRuns: nearValidRuns, seed: opts.seed },
        );
      }
      // a limited channel's mutations are kept to the refused ones: its accepted call starts long work
      const sendMutated = limited
        ? mutated.filter((v) => !passes(v)).map((v) => () => v)
        : fc.tuple(start, mutationArb).map(
            ([make, m]) =>
              () =>
                mutate(make(), m, sandbox),
          );
      await fc.assert(
        fc.asyncProperty(sendMutated, async (make) => {
          await call(channel, make());
        }),
        { numRuns: opts.runs, seed: opts.seed },
      );
      log(`${channel}: ${JSON.stringify(tallies.get(channel))}`);
    }
  } finally {
    console.error = errorLog;
    process.chdir(cwd);
    await host.close();
    while (pending.size) await Promise.allSettled([...pending]);
    env.close();
  }
  return {
    seed: opts.seed,
    runs: opts.runs,
    tallies: [...tallies.values()],
    problems,
    unknownKinds,
    ms: Date.now() - started,
  };
}

/** The tally as a table (the closing note quotes it). */
export function formatTally(r: FuzzResult): string {
  const total = (k: keyof Omit<Tally, 'channel' | 'codes'>) => r.tallies.reduce((n, x) => n + x[k], 0);
  const row = (c: string, x: Omit<Tally, 'channel' | 'codes'>) =>
    `${c.padEnd(28)} ${String(x.calls).padStart(6)} ${String(x.refusedInShape).padStart(8)} ${String(x.accepted).padStart(8)} ${String(x.acceptedChanged).padStart(8)} ${String(x.other).padStart(6)}`;
  return [
    `fuzz: seed ${r.seed}, ${r.runs} generated inputs per channel, ${Math.round(r.ms / 1000)} s`,
    `${'channel'.padEnd(28)} ${'calls'.padStart(6)} ${'refused'.padStart(8)} ${'accepted'.padStart(8)} ${'changed'.padStart(8)} ${'other'.padStart(6)}`,
    ...r.tallies.map((x) => row(x.channel, x)),
    row('total', {
      calls: total('calls'),
      refusedInShape: total('refusedInShape'),
      accepted: total('accepted'),
      acceptedChanged: total('acceptedChanged'),
      other: total('other'),
    }),
  ].join('\n');
}

/** Writes the tally where the closing note and CI find it. */
export function writeTally(
  r: FuzzResult,
  file = path.resolve(__dirname, '../../../../test-results/fuzz-tally.json'),
): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `${JSON.stringify({ seed: r.seed, runs: r.runs, ms: r.ms, tallies: r.tallies, problems: r.problems.slice(0, 500), unknownKinds: r.unknownKinds }, null, 2)}\n`,
  );
  return file;
}
