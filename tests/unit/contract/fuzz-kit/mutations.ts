import fc from 'fast-check';
import { PATH_KEYS } from './schema-arbitrary';

/**
 * Mutations of a near-valid input: one field (or the whole input) made wrong in one way — a wrong
 * type, missing, an extra field, hostile text, an edge number, deep nesting. `raw(text)` puts JSON
 * text JSON.stringify cannot make (1e400 parses as Infinity) into the request body.
 */

const RAW = /"@@raw\(([^)"]*)\)@@"/g;
export const raw = (jsonText: string) => `@@raw(${jsonText})@@`;
/** The request body of a value: JSON, with raw() placeholders put in as written. */
export const encode = (value: unknown): string => JSON.stringify(value).replace(RAW, (_, t: string) => t);

/** Characters the one text rule refuses, and text that looks like an attack but is plain text. */
export const BAD_CHARS = [
  '\u0000',
  '\u001b',
  '\u0085',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u2067',
  '\u200f',
  '\u200b',
  '\ufeff',
];
export const SQL_TEXT = [
  "'; DROP TABLE customers;--",
  '1 OR 1=1',
  "' OR '1'='1",
  '"; SELECT * FROM users; --',
  'NEAR("a"',
];

const deep = (depth: number, kind: 'array' | 'object', leaf: unknown) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};

const WRONG_TYPES: unknown[] = [null, true, false, 0, 'text', [], {}, [1, 'a', null], { nested: { deeper: [{}] } }];
const NUMBERS: unknown[] = [
  -1,
  -0.5,
  0,
  1.5,
  2 ** 53,
  -(2 ** 53),
  2 ** 31,
  1e308,
  -1e308,
  5e-324,
  raw('1e400'),
  raw('-1e400'),
  raw('1.0000000000000000000001'),
  'NaN',
  'Infinity',
  '12',
  '0x10',
];
const STRINGS: unknown[] = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(100_000),
  '测'.repeat(20_000),
  ...SQL_TEXT,
  'a\u0000b',
  'x\ud800y',
  'admin\u202enimda',
  '\u200f\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '../../../../etc/passwd',
  '%s%n%x',
  '$' + '{7*7}', // template-injection text, written so it is not a placeholder here
  '<script>alert(1)</script>',
];

/** Any hostile value, for a field of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WRONG_TYPES, ...NUMBERS, ...STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(deep(2_000, 'array', 'x'), deep(2_000, 'object', 1)),
);

type Path = (string | number)[];
export interface Mutation {
  kind: 'replace' | 'remove' | 'extra' | 'poison' | 'number' | 'deep';
  pick: number;
  value: unknown;
  extraKey: string;
  char: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'remove', 'extra', 'poison', 'number', 'deep'),
  pick: fc.nat(),
  value: hostileValue,
  extraKey: fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'id', 'ok', ''),
    fc.string({ maxLength: 10 }),
  ),
  char: fc.constantFrom(...BAD_CHARS),
});

function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}
const getAt = (v: unknown, at: Path) => at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], v);

function setAt(root: unknown, at: Path, v: unknown, remove = false): unknown {
  if (at.length === 0) return v;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (remove && Array.isArray(o)) o.splice(last as number, 1);
  else if (remove) delete o[last];
  else o[last] = v;
  return copy;
}

/** A path field keeps hostile text inside the sandbox: it is still hostile, but cannot name a file elsewhere. */
function inSandbox(at: Path, v: unknown, sandbox: string): unknown {
  const key = at[at.length - 1];
  return typeof key === 'string' && PATH_KEYS.has(key) && typeof v === 'string' && v.trim() !== ''
    ? `${sandbox}/${v.replaceAll('..', '_').replaceAll('/', '_')}`
    : v;
}

/** `value` with one mutation applied. */
export function mutate(value: unknown, m: Mutation, sandbox: string): unknown {
  const all = pathsOf(value);
  const choose = (paths: Path[]) => (paths.length ? paths[m.pick % paths.length] : null);
  switch (m.kind) {
    case 'replace': {
      const at = choose(all) as Path;
      return setAt(value, at, inSandbox(at, m.value, sandbox));
    }
    case 'remove': {
      const at = choose(all.filter((p) => p.length > 0));
      return at ? setAt(value, at, undefined, true) : {};
    }
    case 'extra': {
      const at = choose(
        all.filter((p) => {
          const x = getAt(value, p);
          return !!x && typeof x === 'object' && !Array.isArray(x);
        }),
      );
      if (!at) return { [m.extraKey]: m.value };
      const copy = structuredClone(value) as Record<string, unknown>;
      const target = (at.length ? getAt(copy, at) : copy) as Record<string, unknown>;
      // an own enumerable key even when it is __proto__ (an assignment would set the prototype)
      Object.defineProperty(target, m.extraKey, {
        value: m.value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }
    case 'poison': {
      const at = choose(all.filter((p) => typeof getAt(value, p) === 'string'));
      if (!at) return setAt(value, choose(all) as Path, m.char);
      const s = getAt(value, at) as string;
      return setAt(value, at, `${s.slice(0, 1)}${m.char}${s.slice(1)}`);
    }
    case 'number': {
      const at = choose(all.filter((p) => typeof getAt(value, p) === 'number')) ?? (choose(all) as Path);
      return setAt(value, at, NUMBERS[m.pick % NUMBERS.length]);
    }
    case 'deep': {
      const at = choose(all) as Path;
      return setAt(value, at, deep(1_000 + (m.pick % 1_000), m.pick % 2 ? 'array' : 'object', getAt(value, at) ?? 1));
    }
  }
}
