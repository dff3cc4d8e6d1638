import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Refused } from '../../../electron/core/errors';
import { CHANNELS } from '../../../electron/core/shared/contract';
import { withHandlers } from '../support/test-core';
import { judge } from './fuzz-kit/judge';
import { encode, mutate, raw } from './fuzz-kit/mutations';
import { formatTally, runFuzz, writeTally } from './fuzz-kit/run-fuzz';
import { UnknownSchemaKind, validArb } from './fuzz-kit/schema-arbitrary';

/**
 * Every channel of the contract fuzzed over the real host, signed in as admin (fuzz-kit/run-fuzz.ts):
 * inputs generated from each channel's own input schema, so a channel added later is fuzzed the
 * day it exists. A fixed seed (printed) keeps CI repeatable; `npm run proof -- fuzz [runs]` runs more.
 */
const SEED = 20261130;
const RUNS = 8;

describe('the fuzz of every channel', () => {
  it('answers in the contract shape, never INTERNAL, no stack or SQL, and a refusal changes no row', {
    timeout: 600_000,
  }, async () => {
    const r = await runFuzz({ runs: RUNS, seed: SEED });
    writeTally(r);
    console.log(formatTally(r));
    if (r.problems.length) console.log(`${r.problems.length} problems:\n${r.problems.join('\n').slice(0, 20_000)}`);
    expect(r.unknownKinds).toEqual([]);
    expect(r.problems.slice(0, 30)).toEqual([]);
    expect(r.tallies.map((t) => t.channel).sort()).toEqual([...CHANNELS].sort());
    for (const t of r.tallies) {
      expect(t.other, t.channel).toBe(0);
      expect(t.refusedInShape, t.channel).toBeGreaterThan(0);
    }
    // the generated near-valid inputs do get through somewhere (the fuzz is not only refusals)
    expect(r.tallies.filter((t) => t.accepted > 0).length).toBeGreaterThan(CHANNELS.length / 2);
  });
});

describe('the fuzz finds what it is for', () => {
  it('flags a handler that fails with INTERNAL, and one that writes before it refuses', {
    timeout: 120_000,
  }, async () => {
    const r = await runFuzz({
      runs: 3,
      seed: SEED,
      channels: ['system.ping', 'settings.updateSecurity'],
      features: withHandlers({
        'system.ping': ({ core }) => core.sqlite.prepare('SELECT * FROM no_such_table').get() as never,
        'settings.updateSecurity': ({ core }) => {
          core.sqlite.prepare("UPDATE users SET display_name = display_name || 'x'").run();
          throw Refused('CONFLICT', 'errors.forbidden');
        },
      }),
    });
    expect(r.problems.some((p) => p.startsWith('system.ping') && p.endsWith(': INTERNAL'))).toBe(true);
    expect(r.problems.some((p) => /^settings\.updateSecurity .*refused \(CONFLICT\) but changed users$/.test(p))).toBe(
      true,
    );
  });
});

describe('the schema walker', () => {
  const opts = { sandbox: '/tmp/sandbox' };

  it('refuses a zod kind it does not know, so no channel goes unfuzzed silently', () => {
    for (const s of [z.bigint(), z.date(), z.map(z.string(), z.string()), z.object({ a: z.set(z.string()) })]) {
      expect(() => validArb(s, opts, 'x')).toThrow(UnknownSchemaKind);
    }
    expect(() => validArb(z.object({ a: z.string() }).catchall(z.number()), opts)).toThrow(UnknownSchemaKind);
  });

  it('refuses a path-like field it would not keep in its sandbox', () => {
    expect(() => validArb(z.object({ exportFolder: z.string() }), opts)).toThrow(UnknownSchemaKind);
    const paths = fc.sample(validArb(z.object({ path: z.string() }), opts), { numRuns: 20, seed: 1 });
    expect(paths.every((p) => (p as { path: string }).path.startsWith('/tmp/sandbox/'))).toBe(true);
  });

  it('generates values the schema accepts for its kinds and checks', () => {
    const schema = z
      .object({
        id: z.number().int().positive(),
        n: z.number().int().min(5).max(7),
        code: z.string().regex(/^[0-9a-f]{8}$/),
        name: z.string().trim().min(2).max(5),
        kind: z.enum(['a', 'b']),
        tags: z.array(z.string().max(3)).min(1).max(2),
        opt: z.string().optional(),
        nul: z.number().nullable(),
        def: z.boolean().default(false),
        src: z.discriminatedUnion('k', [
          z.object({ k: z.literal('x'), id: z.number() }),
          z.object({ k: z.literal('y') }),
        ]),
        rec: z.record(z.string().max(3), z.number()),
        piped: z
          .string()
          .max(4)
          .transform((s) => s.length),
      })
      .strict();
    const samples = fc.sample(validArb(schema, opts), { numRuns: 200, seed: 7 });
    const failures = samples.filter((v) => !schema.safeParse(v).success);
    expect(failures).toEqual([]);
  });

  it('makes mutations that the schema refuses, and raw numbers JSON cannot spell otherwise', () => {
    const schema = z.object({ id: z.number().int().positive(), name: z.string().min(1).max(10) }).strict();
    const base = { id: 1, name: 'abc' };
    expect(
      schema.safeParse(mutate(base, { kind: 'remove', pick: 1, value: null, extraKey: '', char: '' }, '/s')).success,
    ).toBe(false);
    const extra = mutate(base, { kind: 'extra', pick: 0, value: 1, extraKey: '__proto__', char: '' }, '/s');
    expect(encode(extra)).toBe('{"id":1,"name":"abc","__proto__":1}');
    expect(JSON.parse(encode({ n: raw('1e400') })).n).toBe(Number.POSITIVE_INFINITY);
    const poisoned = mutate(base, { kind: 'poison', pick: 0, value: null, extraKey: '', char: '\u0000' }, '/s');
    expect(poisoned).toEqual({ id: 1, name: 'a\u0000bc' });
  });
});

describe('the judge', () => {
  const out = z.object({ a: z.number() });
  const reply = (body: unknown) => ({
    status: 200,
    type: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
  });

  it('takes an answer in the contract shape', () => {
    expect(judge(reply({ ok: true, data: { a: 1 } }), out).kind).toBe('accepted');
    expect(judge(reply({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } }), out).kind).toBe(
      'refused',
    );
  });

  it('flags INTERNAL, unknown codes, untranslated keys, stray output, stacks and SQL text', () => {
    const bad = [
      { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } },
      { ok: false, error: { code: 'OOPS', messageKey: 'errors.forbidden' } },
      { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.noSuchKeyAnywhere' } },
      { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden', stack: 'x' } },
      {
        ok: false,
        error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', fields: { a: 'SELECT * FROM users' } },
      },
      {
        ok: false,
        error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden', params: { x: 'at run (/a/b.ts:1:2)' } },
      },
      { ok: true, data: { a: 'not a number' } },
      { ok: true },
    ];
    for (const b of bad) expect(judge(reply(b), out).kind, JSON.stringify(b)).toBe('other');
    expect(judge({ status: 500, type: 'text/plain', body: 'Internal error' }, out).kind).toBe('other');
  });
});
