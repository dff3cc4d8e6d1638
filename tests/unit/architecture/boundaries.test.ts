import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function files(dir: string, exts = ['.ts', '.tsx']): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .map((f) => path.join(dir, f).split(path.sep).join('/'));
}

function imports(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), 'utf8');
  return [
    ...src.matchAll(
      /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('architecture boundaries', () => {
  it('only main, preload and the IPC registration import electron', () => {
    const shell = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);
    const all = files('electron');
    expect(all.length).toBeGreaterThan(10);
    const offenders = all.filter(
      (f) => !shell.has(f) && imports(f).some((i) => i === 'electron' || i.startsWith('electron/')),
    );
    expect(offenders).toEqual([]);
    // the shell does use it (the check above is not vacuous)
    expect(imports('electron/ipc.ts')).toContain('electron');
  });

  it('the renderer imports nothing from db/ or the services: only the contract', () => {
    const all = files('renderer/src');
    expect(all.length).toBeGreaterThan(5);
    // the contract side, by place: electron/core/shared/* and each feature's shared/ folder
    const allowed = /^electron\/core\/([\w-]+\/)?shared\/[\w.-]+$/;
    const offenders: string[] = [];
    for (const f of all) {
      for (const i of imports(f)) {
        if (!i.startsWith('.')) {
          if (/^(better-sqlite3|drizzle-orm|fastify|node:|electron$)/.test(i)) offenders.push(`${f} → ${i}`);
          continue;
        }
        const target = path
          .relative(root, path.resolve(path.dirname(path.join(root, f)), i))
          .split(path.sep)
          .join('/');
        if (target.startsWith('renderer/')) continue;
        if (!allowed.test(target)) offenders.push(`${f} → ${i}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('shared (contract-side) files import only zod and other shared files', () => {
    const shared = files('electron/core').filter((f) => /^electron\/core\/([\w-]+\/)?shared\//.test(f));
    expect(shared.length).toBeGreaterThan(10);
    const offenders = shared.flatMap((f) =>
      imports(f)
        .filter((i) => {
          if (i === 'zod') return false;
          if (!i.startsWith('.')) return true;
          const target = path
            .relative(root, path.resolve(path.dirname(path.join(root, f)), i))
            .split(path.sep)
            .join('/');
          return !/^electron\/core\/([\w-]+\/)?shared\/[\w.-]+$/.test(target);
        })
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('contract and rules files live in a shared/ folder, where the rules above can name them', () => {
    const misplaced = files('electron/core').filter(
      (f) => /\.(contract|rules)\.ts$/.test(f) && !/^electron\/core\/([\w-]+\/)?shared\//.test(f),
    );
    expect(misplaced).toEqual([]);
  });
});
