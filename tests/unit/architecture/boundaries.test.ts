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
  return [...src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

describe('architecture boundaries', () => {
  it('only main, preload and the IPC registration import electron', () => {
    const shell = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']);
    const all = files('electron');
    expect(all.length).toBeGreaterThan(10);
    const offenders = all.filter((f) => !shell.has(f) && imports(f).some((i) => i === 'electron' || i.startsWith('electron/')));
    expect(offenders).toEqual([]);
    // the shell does use it (the check above is not vacuous)
    expect(imports('electron/ipc.ts')).toContain('electron');
  });

  it('the renderer imports nothing from db/ or the services: only the contract', () => {
    const all = files('renderer/src');
    expect(all.length).toBeGreaterThan(5);
    const allowed = /(^|\/)electron\/core\/(contract|contract-kit|permissions|normalize|([\w-]+\/)+[\w.-]+\.(contract|rules))$/;
    const offenders: string[] = [];
    for (const f of all) {
      for (const i of imports(f)) {
        if (!i.startsWith('.')) {
          if (/^(better-sqlite3|drizzle-orm|fastify|node:|electron$)/.test(i)) offenders.push(`${f} → ${i}`);
          continue;
        }
        const target = path.relative(root, path.resolve(path.dirname(path.join(root, f)), i)).split(path.sep).join('/');
        if (target.startsWith('renderer/')) continue;
        if (!allowed.test(target)) offenders.push(`${f} → ${i}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('contract files import only zod and other contract-side files', () => {
    const contractSide = files('electron/core').filter((f) =>
      /(\.contract\.ts|\.rules\.ts|\/contract\.ts|contract-kit\.ts|permissions\.ts|normalize\.ts)$/.test(f),
    );
    expect(contractSide.length).toBeGreaterThan(5);
    const offenders = contractSide.flatMap((f) =>
      imports(f)
        .filter((i) => i !== 'zod' && !/(\.contract|\.rules|\/contract|contract-kit|permissions|normalize)$/.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
