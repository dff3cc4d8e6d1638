import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { importsOf, lineOf, parse, sourceFiles } from './scan';

/**
 * No module-level mutable state in electron/core: registries, runners, caches and gates hang on
 * the Core (one per database a process opens, and one per test), so two cores never share them
 * and a test never swaps a global. The rule, kept simple and syntactic:
 *
 * 1. a module-level `let` or `var` is state;
 * 2. a module-level `const` bound to `new X(…)` is state (an instance lives as long as the
 *    module), except values that cannot change: RegExp, Intl.*, TextEncoder/TextDecoder; and
 *    except Map/Set/Array containers, which rule 3 judges;
 * 3. a module-level `const` bound to a container (array or object literal, new Map/Set/WeakMap/
 *    WeakSet/Array) is state when a function changes it after the module loaded: its own module's
 *    or one that imports it (push/set/add/delete/splice/…, assigning to a member, `delete`,
 *    Object.assign onto it). Filling a table at the module's top level is building a constant;
 *    a container only read afterwards (a lookup table, a set of constants) is a value. `as const`
 *    and Object.freeze(…) bindings cannot change and are never state.
 *
 * The one exception, MEMOS below: caches that only remember what a pure computation gives (the
 * same value comes back if they are emptied), each named with why. A cache keyed by Core is not
 * a memo: it is the core's state kept outside it (the old login gate was one); nor is one keyed by
 * connection (the search's prepared statements were: they are core.statements now).
 */

/** `file name` → why it may stay: remembers a pure result, emptying it changes only speed. */
const MEMOS: Record<string, string> = {
  'electron/core/customers/search/pinyin.ts recent':
    'the readings of recent names: a pure function of the name (bounded, cleared when full)',
  'electron/core/customers/search/pinyin.ts charOptions':
    "a character's pinyin options: a pure function of the character (bounded)",
  'electron/core/import/areas.ts provinces': 'the index of the constant division list, built on first use',
  'electron/core/import/areas.ts cities': 'the index of the constant division list, built on first use',
  'electron/core/import/areas.ts districts': 'the index of the constant division list, built on first use',
};

const IMMUTABLE_CLASSES = /^(RegExp|Intl\.\w+|TextEncoder|TextDecoder)$/;
const CONTAINER_CLASSES = /^(Map|Set|WeakMap|WeakSet|Array)$/;
const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin', // arrays
  'set',
  'add',
  'delete',
  'clear', // Map, Set, WeakMap, WeakSet
]);

type Kind = 'container' | 'instance' | 'frozen' | 'value';

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function kindOf(init: ts.Expression | undefined): Kind {
  if (!init) return 'value';
  const e = unwrap(init);
  if (ts.isAsExpression(e)) return e.type.getText() === 'const' ? 'frozen' : kindOf(e.expression);
  if (ts.isCallExpression(e) && e.expression.getText() === 'Object.freeze') return 'frozen';
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return 'container';
  if (ts.isNewExpression(e)) {
    const cls = e.expression.getText();
    if (CONTAINER_CLASSES.test(cls)) return 'container';
    return IMMUTABLE_CLASSES.test(cls) ? 'value' : 'instance';
  }
  return 'value';
}

/** The identifier a member chain starts from: `a` of `a.b[c].d`. */
function rootName(e: ts.Expression): string | null {
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e))
    e = e.expression;
  return ts.isIdentifier(e) ? e.text : null;
}

/**
 * Names a function of the module changes through a member: x.push(…), x.k = …, x[k] += …,
 * delete x.k, x.k++, Object.assign(x, …). Statements at the module's top level build, they are not counted.
 */
function mutatedNames(sf: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const isMember = (e: ts.Expression) => ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e);
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n)) inFunction++;
    if (inFunction > 0 && ts.isCallExpression(n)) {
      const callee = n.expression;
      if (ts.isPropertyAccessExpression(callee) && MUTATORS.has(callee.name.text)) {
        const name = rootName(callee.expression);
        if (name) out.add(name);
      }
      if (callee.getText() === 'Object.assign' && n.arguments[0]) {
        const name = rootName(n.arguments[0]);
        if (name) out.add(name);
      }
    }
    if (
      inFunction > 0 &&
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      isMember(n.left)
    ) {
      const name = rootName(n.left);
      if (name) out.add(name);
    }
    if (inFunction > 0 && (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && isMember(n.operand)) {
      const name = rootName(n.operand);
      if (name) out.add(name);
    }
    if (inFunction > 0 && ts.isDeleteExpression(n) && isMember(n.expression)) {
      const name = rootName(n.expression);
      if (name) out.add(name);
    }
    ts.forEachChild(n, visit);
    if (ts.isFunctionLike(n)) inFunction--;
  };
  let inFunction = 0;
  visit(sf);
  return out;
}

/** Module-level state of files, as `file:line name (why)`; `texts` stands in for files on disk (the rule's own test). */
function moduleState(files: string[], texts: Record<string, string> = {}): string[] {
  const parsed = files.map((f) => parse(f, texts[f]));
  // what each file's functions change, by the file and name it was declared in (its own, or imported)
  const changed = new Set<string>();
  for (const sf of parsed) {
    const imported = new Map<string, string>();
    for (const i of importsOf(sf, new Set(Object.keys(texts))))
      for (const [local, name] of i.names) if (i.target) imported.set(local, `${i.target} ${name}`);
    for (const name of mutatedNames(sf)) changed.add(imported.get(name) ?? `${sf.fileName} ${name}`);
  }
  const found: string[] = [];
  for (const sf of parsed) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const list = st.declarationList;
      const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
      for (const d of list.declarations) {
        const id = `${sf.fileName} ${d.name.getText()}`;
        if (MEMOS[id]) continue;
        const at = `${sf.fileName}:${lineOf(d)} ${d.name.getText()}`;
        if (!isConst) {
          found.push(`${at} (module-level ${list.flags & ts.NodeFlags.Let ? 'let' : 'var'})`);
          continue;
        }
        const kind = kindOf(d.initializer);
        if (kind === 'instance') found.push(`${at} (an instance held by the module)`);
        if (kind === 'container' && changed.has(id)) found.push(`${at} (a container changed after load)`);
      }
    }
  }
  return found;
}

describe('module-level state in electron/core', () => {
  it('there is none: registries, runners and caches hang on the Core', () => {
    const files = sourceFiles('electron/core');
    expect(files.length).toBeGreaterThan(50);
    expect(moduleState(files)).toEqual([]);
  });

  it('every memo it lets be still exists (the list does not outlive the code)', () => {
    const files = sourceFiles('electron/core');
    const declared = new Set(
      files.flatMap((f) =>
        parse(f)
          .statements.filter(ts.isVariableStatement)
          .flatMap((st) => st.declarationList.declarations.map((d) => `${f} ${d.name.getText()}`)),
      ),
    );
    expect(Object.keys(MEMOS).filter((m) => !declared.has(m))).toEqual([]);
  });

  it('the rule catches each kind of state (and lets values be)', () => {
    const registry = `
      let gate = null;
      var legacy = 1;
      const checks = [];
      export function register(c) { checks.push(c); }
      const byCore = new WeakMap();
      export function of(core) { byCore.set(core, 1); }
      const sources = {};
      export function add(k, v) { sources[k] = v; }
      const bus = new EventBus();
      export const filledByOthers = [];
      export const readByOthers = [1, 2];
      const FIXED = ['a', 'b'] as const;
      const FROZEN = Object.freeze({ a: 1 });
      const LOOKUP = new Set(['x']);
      const BUILT = new Map();
      for (const k of FIXED) BUILT.set(k, 1);
      const TABLE = { a: 1 };
      const PATTERN = new RegExp('x');
      export function read() { return LOOKUP.has('x') && TABLE.a && FROZEN && PATTERN && BUILT.get('a'); }
    `;
    const user = `
      import { filledByOthers as list, readByOthers } from './registry';
      export function fill() { list.push(readByOthers[0]); }
    `;
    const files = ['electron/core/example/registry.ts', 'electron/core/example/user.ts'];
    const found = moduleState(files, { [files[0]]: registry, [files[1]]: user });
    expect(found.map((s) => s.replace(/^\S+:\d+ /, ''))).toEqual([
      'gate (module-level let)',
      'legacy (module-level var)',
      'checks (a container changed after load)',
      'byCore (a container changed after load)',
      'sources (a container changed after load)',
      'bus (an instance held by the module)',
      'filledByOthers (a container changed after load)',
    ]);
  });
});
