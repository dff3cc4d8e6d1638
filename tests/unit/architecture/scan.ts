import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Helpers of the architecture tests that read the sources with the TypeScript parser. */
export const root = path.resolve(__dirname, '../../..');

/** Source files (ts/tsx) under a folder of the repository, as repository paths with `/`. */
export function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .sort();
}

export function parse(file: string, text = fs.readFileSync(path.join(root, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

export interface ImportOf {
  /** the module specifier as written */
  spec: string;
  /** repository path of the file it names, when it is one of ours (relative specifier) */
  target: string | null;
  /** erased when compiled: `import type`, `export type … from`, or every named binding marked `type` */
  typeOnly: boolean;
  /** local name → exported name, of named bindings */
  names: Map<string, string>;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names: as written, with .ts/.tsx, or a folder's index (`.js` written for `.ts` too). */
export function resolveImport(from: string, spec: string, extra: ReadonlySet<string> = new Set()): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const bases = /\.js$/.test(base) ? [base, base.replace(/\.js$/, '')] : [base];
  for (const b of bases) {
    for (const ext of EXTENSIONS) {
      const candidate = b + ext;
      const abs = path.join(root, candidate);
      if (extra.has(candidate)) return candidate;
      if (/\.tsx?$/.test(candidate) && fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate;
    }
  }
  return null;
}

/**
 * The static imports and re-exports of a file (dynamic import() is left out: it loads later, not
 * at load). `extra`: files that count as existing besides those on disk (tests of the rules).
 */
export function importsOf(sf: ts.SourceFile, extra?: ReadonlySet<string>): ImportOf[] {
  const out: ImportOf[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const names = new Map<string, string>();
      let typeOnly = !!clause?.isTypeOnly;
      if (clause && !typeOnly) {
        const named = clause.namedBindings;
        const elements = named && ts.isNamedImports(named) ? named.elements : [];
        typeOnly =
          !clause.name &&
          !!named &&
          ts.isNamedImports(named) &&
          elements.length > 0 &&
          elements.every((e) => e.isTypeOnly);
        for (const e of elements) names.set(e.name.text, (e.propertyName ?? e.name).text);
      }
      const spec = st.moduleSpecifier.text;
      out.push({ spec, target: resolveImport(sf.fileName, spec, extra), typeOnly, names });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.exportClause;
      const typeOnly =
        st.isTypeOnly ||
        (!!clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      const spec = st.moduleSpecifier.text;
      out.push({ spec, target: resolveImport(sf.fileName, spec, extra), typeOnly, names: new Map() });
    }
  }
  return out;
}
