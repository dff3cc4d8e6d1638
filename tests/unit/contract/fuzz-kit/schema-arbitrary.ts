import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Near-valid inputs of a channel, generated from its zod input schema (zod 4's `_zod.def`), so a
 * channel added later is fuzzed the day it exists. A kind or check this walker does not know
 * throws: nobody adds an unfuzzable channel silently. Refinements (`custom` checks: a USCC's check
 * character, a customer's cross-field rules) cannot be generated for: those inputs come out near-valid.
 */

export class UnknownSchemaKind extends Error {}

/** Fields that name a file on this computer: the fuzz keeps them inside its sandbox folder (it runs as whoever runs the tests). */
export const PATH_KEYS = new Set(['path', 'secondLocation']);
/** A string field named like a path that is not in PATH_KEYS is refused by the walker: it would be fuzzed with paths anywhere. */
const PATH_LIKE = /(^|[a-z])(path|Path|location|Location|folder|Folder|dir|Dir)$/;

export interface WalkOptions {
  /** where path fields point (a temporary folder); the walker appends a name */
  sandbox: string;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def) =>
  ((d.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Text as offices type it, and text that looks like an attack but is legitimate input (it must be stored as written). */
export const TEXT_SAMPLES = [
  '北京测试有限公司',
  '测试',
  '海淀',
  'Zoë Ñoño',
  'ＡＢＣ１２３',
  "O'Brien",
  "'; DROP TABLE customers;--",
  '1 OR 1=1',
  '" OR ""="',
  '%_\\',
  'NEAR(a b)',
  '*',
  '010-1234567',
  '13812345678',
];

/**
 * Values offices type in fields whose rules are refinements the walker cannot read (a USCC's check
 * character, a mainland mobile, a date, a bank account): a field takes those of them it accepts.
 */
const TYPED_VALUES = [
  '91330100716105852F',
  '13812345678',
  '+86 15012345678',
  '010-12345678',
  '2027-12-31',
  '2026-01-01T00:00:00.000Z',
  'BJHD',
  'CN',
  'DE',
  '100080',
  'www.example.com',
  'https://example.com',
  'li.si@example.com',
  '6222021001123456789',
  '12:30',
  'a.csv',
  'a.xlsx',
  '0123456789abcdef0123456789abcdef',
];

/** A string field (or a string piped into a transform): its generated values, plus the typed values it accepts. */
function withTypedValues(schema: z.ZodType, base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const fits = [...TYPED_VALUES, ...TEXT_SAMPLES].filter((v) => schema.safeParse(v).success);
  return fits.length
    ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...fits) }, { weight: 1, arbitrary: base })
    : base;
}

function lengthBounds(checks: Record<string, unknown>[], where: string) {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else if (c.check === 'length_equals') min = max = c.length as number;
    else if (c.check !== 'custom' && c.check !== 'overwrite' && c.check !== 'string_format')
      throw new UnknownSchemaKind(`${where}: unknown length check ${String(c.check)}`);
  }
  return { min, max };
}

/**
 * Within the length bounds, counted in UTF-16 units and in code points alike (trimmed, as most
 * text fields are; a surrogate pair never cut in two).
 */
function withinLength(s: string, min: number, max: number): string {
  let cps = Array.from(s.trim());
  while (cps.length < min) cps = cps.concat(cps.length ? cps : ['a']);
  while (cps.length && (cps.length > max || cps.join('').length > max)) cps.pop();
  const out = cps.join('');
  return Array.from(out).length < min ? 'a'.repeat(min) : out;
}

function stringArb(d: Def, key: string | undefined, where: string, opts: WalkOptions): fc.Arbitrary<string> {
  const checks = checksOf(d);
  const { min, max } = lengthBounds(checks, where);
  const formats = checks.filter((c) => c.check === 'string_format');
  if (d.format) formats.push({ format: d.format, pattern: d.pattern });
  if (key && PATH_LIKE.test(key) && !PATH_KEYS.has(key))
    throw new UnknownSchemaKind(
      `${where}: a path-like field not in PATH_KEYS (add it so the fuzz keeps it in its sandbox)`,
    );
  if (key && PATH_KEYS.has(key))
    return fc
      .constantFrom('second', 'backup.sqlite', 'copy', '新建文件夹', "x'; DROP TABLE customers;--")
      .map((name) => `${opts.sandbox}/${name}`);
  if (formats.length) {
    const f = formats[0];
    if (!(f.pattern instanceof RegExp))
      throw new UnknownSchemaKind(`${where}: string format ${String(f.format)} has no pattern`);
    return fc.stringMatching(f.pattern).filter((s) => s.length >= min && s.length <= max);
  }
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TEXT_SAMPLES) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    )
    .map((s) => withinLength(s, min, max));
}

function numberArb(d: Def, where: string): fc.Arbitrary<number> {
  let lo = -1e9;
  let hi = 1e9;
  let int = false;
  let step = 0;
  for (const c of checksOf(d)) {
    if (c.check === 'number_format') int = c.format !== 'float32' && c.format !== 'float64';
    else if (c.check === 'greater_than') lo = Math.max(lo, (c.value as number) + (c.inclusive ? 0 : int ? 1 : 1e-6));
    else if (c.check === 'less_than') hi = Math.min(hi, (c.value as number) - (c.inclusive ? 0 : int ? 1 : 1e-6));
    else if (c.check === 'multiple_of') step = c.value as number;
    else if (c.check !== 'custom') throw new UnknownSchemaKind(`${where}: unknown number check ${String(c.check)}`);
  }
  // greater_than is seen before number_format sometimes: recompute an exclusive bound for integers
  if (int) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  if (step) return fc.integer({ min: Math.ceil(lo / step), max: Math.floor(hi / step) }).map((k) => k * step);
  if (int)
    return fc.oneof(
      // small ids hit the rows that exist (the seeded customer, lookups, the admin)
      fc.integer({ min: Math.max(lo, Math.min(1, hi)), max: Math.min(hi, Math.max(lo, 5)) }),
      fc.integer({ min: lo, max: hi }),
      fc.constantFrom(lo, hi),
    );
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values the schema accepts, or nearly (see above). `where` names the position for errors. */
export function validArb(schema: z.ZodType, opts: WalkOptions, where = 'input', key?: string): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: unknown, at = where, k = key) => validArb(s as z.ZodType, opts, at, k);
  switch (d.type) {
    case 'string':
      return key && PATH_KEYS.has(key)
        ? stringArb(d, key, where, opts)
        : withTypedValues(schema, stringArb(d, key, where, opts));
    case 'number':
      return numberArb(d, where);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(d.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(inner(d.innerType), { nil: undefined, freq: 3 });
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(d.innerType);
    case 'pipe': {
      // z.preprocess(fn, schema): the input is the `out` side; schema.transform(fn): the `in` side
      const inKind = defOf(d.in).type;
      const source = inner(inKind === 'transform' ? d.out : d.in);
      return key && PATH_KEYS.has(key) ? source : withTypedValues(schema, source);
    }
    case 'union':
      return fc.oneof(...(d.options as unknown[]).map((o, i) => inner(o, `${where}|${i}`)));
    case 'array': {
      const { min, max } = lengthBounds(checksOf(d), where);
      return fc.array(inner(d.element, `${where}[]`, undefined), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 4)),
      });
    }
    case 'record':
      return fc.dictionary(
        inner(d.keyType, `${where}{key}`, undefined) as fc.Arbitrary<string>,
        inner(d.valueType, `${where}{}`, undefined),
        { maxKeys: 3 },
      );
    case 'tuple':
      return fc.tuple(...(d.items as unknown[]).map((s, i) => inner(s, `${where}[${i}]`, undefined)));
    case 'object': {
      const shape = d.shape as Record<string, unknown>;
      const catchall = d.catchall ? defOf(d.catchall).type : undefined;
      if (catchall && catchall !== 'never' && catchall !== 'unknown')
        throw new UnknownSchemaKind(`${where}: object catchall ${catchall}`);
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, `${where}.${k}`, k)]));
      // an absent optional field is left out, not sent as undefined (JSON would drop it anyway)
      return fc
        .record(fields)
        .map(
          (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, unknown>,
        );
    }
    default:
      throw new UnknownSchemaKind(
        `${where}: zod kind "${d.type}" is not known to the fuzz walker (tests/unit/contract/fuzz-kit)`,
      );
  }
}
