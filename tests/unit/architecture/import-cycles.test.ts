import { describe, expect, it } from 'vitest';
import { importsOf, parse, sourceFiles } from './scan';

/**
 * No import cycle among our own modules (electron/, db/, renderer/src). A cycle makes the load
 * order decide what a module sees at load (an import still undefined) and welds the modules of
 * the cycle into one unit: neither can be understood, tested or moved without the other.
 *
 * What counts: static imports and re-exports by relative path, resolved like the bundler does
 * (.ts, .tsx, a folder's index). Type-only imports (`import type`, or every binding marked
 * `type`) do not count: they are erased when compiled, so they cannot change what loads when,
 * and a kernel and its plug-ins type each other by nature (Core holds its features' contributions,
 * which are functions of a Core). Dynamic import() does not count either: it loads later, on demand.
 */

/** file → the files it imports at load. */
function importGraph(files: string[], texts: Record<string, string> = {}): Map<string, string[]> {
  const known = new Set(Object.keys(texts));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importsOf(parse(f, texts[f]), known)
      .filter((i) => !i.typeOnly && i.target)
      .map((i) => i.target!);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle, one per strongly connected group, as `a → b → … → a` (Tarjan, then a shortest loop in the group). */
function cycles(graph: Map<string, string[]>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) strong(v);
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0];
    // breadth-first from start back to start, inside the group: the shortest loop through it
    const from = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(from.get(path[0])!);
          return [...path, start].join(' → ');
        }
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
      }
    }
    return group.join(' → ');
  });
}

describe('imports', () => {
  it('form no cycle in electron/, db/ and renderer/src', () => {
    const files = ['electron', 'db', 'renderer/src'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(files);
    // the walk sees the imports (not vacuous): the dispatcher imports the errors
    expect(graph.get('electron/core/dispatch.ts')).toContain('electron/core/errors.ts');
    expect(cycles(graph)).toEqual([]);
  });

  it('the walk finds a cycle through index files and extensions, and ignores type-only imports', () => {
    const texts = {
      'electron/x/a.ts': `import { b } from './b';\nexport const a = () => b;`,
      'electron/x/b.ts': `import { c } from './c/index';\nimport type { T } from './d';\nexport const b = c;`,
      'electron/x/c/index.ts': `export { a as c } from '../a';`,
      'electron/x/d.ts': `import { type B } from './b';\nexport type T = B;`,
      'electron/x/e.tsx': `import { a } from './a';\nexport const e = a;`,
    };
    const graph = importGraph(Object.keys(texts), texts);
    expect(cycles(graph)).toEqual(['electron/x/a.ts → electron/x/b.ts → electron/x/c/index.ts → electron/x/a.ts']);
  });
});
