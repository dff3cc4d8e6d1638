import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** One chunk of the renderer build, for tests/bench/start.bench.ts (what loads first, and why). */
export interface ChunkInfo {
  file: string;
  name: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** chunks it imports statically (loaded with it) and dynamically (loaded later) */
  imports: string[];
  dynamicImports: string[];
  bytes: number;
  brotliBytes: number;
  /** rendered bytes per package (node_modules) or source folder, largest first */
  parts: Record<string, number>;
}

/** The package (`antd`, `@ant-design/cssinjs`) or source folder (`renderer/src/features/auth`) of a module. */
function partOf(id: string, root: string): string {
  const clean = id.replace(/\?.*$/, '').split(path.sep).join('/');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const rel = path.relative(root, clean).split(path.sep).join('/');
  const m = rel.match(/^(renderer\/src\/features\/[^/]+|renderer\/src\/[^/]+|electron\/core\/[^/]+(?:\/shared)?)/);
  return m ? m[1] : rel.startsWith('..') || rel.startsWith('\0') ? '(runtime)' : path.posix.dirname(rel);
}

/** Writes `<file>` (outside the served folder) with every chunk of the build, its imports and contents. */
export function chunkReport(file: string, root: string): Plugin {
  return {
    name: 'kehu-chunk-report',
    apply: 'build',
    generateBundle(_opts, bundle) {
      const chunks: ChunkInfo[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        const parts: Record<string, number> = {};
        for (const [id, m] of Object.entries(out.modules)) {
          const key = partOf(id, root);
          parts[key] = (parts[key] ?? 0) + m.renderedLength;
        }
        chunks.push({
          file: out.fileName,
          name: out.name,
          isEntry: out.isEntry,
          isDynamicEntry: out.isDynamicEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          bytes: Buffer.byteLength(out.code),
          brotliBytes: brotliCompressSync(out.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
          parts: Object.fromEntries(Object.entries(parts).sort((a, b) => b[1] - a[1])),
        });
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(chunks.sort((a, b) => b.bytes - a.bytes), null, 2)}\n`);
    },
  };
}
