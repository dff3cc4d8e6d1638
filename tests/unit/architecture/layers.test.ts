import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { features } from '../../../electron/core/features';

/**
 * One word per feature in every layer: electron/core/<word>/, db/schema/<word>.ts,
 * renderer/src/features/<word>/, tests/unit/<word>/. A folder or schema file that is neither a
 * feature's word nor named infrastructure fails here, as does a feature missing from a layer
 * where it has code.
 */
const root = path.resolve(__dirname, '../../..');
const WORDS = features.map((f) => f.name);
/** features with no main-side code: pages built from other features' channels */
const RENDERER_ONLY = ['home', 'labels'];
/** what serves every feature, by layer */
const INFRA = {
  core: ['shared', 'jobs', 'reads', 'spreadsheet', 'files'],
  tests: ['architecture', 'contract', 'db', 'host', 'shell', 'mobile', 'support', 'i18n', 'jobs', 'reads', 'spreadsheet', 'files'],
  schema: ['index', 'columns'],
};

const dirs = (rel: string) =>
  fs
    .readdirSync(path.join(root, rel), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const stems = (rel: string) =>
  fs
    .readdirSync(path.join(root, rel))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
/** the tables a drizzle schema file defines (`sqliteTable('name'`) */
const tablesOf = (stem: string) =>
  [...fs.readFileSync(path.join(root, 'db/schema', `${stem}.ts`), 'utf8').matchAll(/sqliteTable\(\s*'([^']+)'/g)].map((m) => m[1]);

describe('one word per feature in every layer', () => {
  it('every feature word is one lower-case word', () => {
    for (const w of [...WORDS, ...RENDERER_ONLY]) expect(w).toMatch(/^[a-z]+$/);
  });

  it('electron/core: a folder per feature, and no folder that is not a feature or infrastructure', () => {
    const found = dirs('electron/core');
    for (const w of WORDS) expect(found, `electron/core/${w}`).toContain(w);
    expect(found.filter((d) => !WORDS.includes(d) && !INFRA.core.includes(d))).toEqual([]);
  });

  it('db/schema: each file is named for the feature that owns its tables', () => {
    const files = stems('db/schema').filter((s) => !INFRA.schema.includes(s));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((s) => !WORDS.includes(s))).toEqual([]);
    for (const s of files) expect(tablesOf(s).length, `db/schema/${s}.ts defines tables`).toBeGreaterThan(0);
  });

  it('renderer/src/features: each folder is a feature word', () => {
    const found = dirs('renderer/src/features');
    expect(found.filter((d) => !WORDS.includes(d) && !RENDERER_ONLY.includes(d))).toEqual([]);
    for (const w of RENDERER_ONLY) expect(found, `renderer/src/features/${w}`).toContain(w);
  });

  it('tests/unit: a folder per feature, and no folder that is not a feature or infrastructure', () => {
    const found = dirs('tests/unit');
    for (const w of WORDS) expect(found, `tests/unit/${w}`).toContain(w);
    expect(found.filter((d) => !WORDS.includes(d) && !RENDERER_ONLY.includes(d) && !INFRA.tests.includes(d))).toEqual([]);
  });

  it('infrastructure (spreadsheet/, files/, jobs/, reads/) imports no feature folder: features build on it, not it on them', () => {
    const offenders: string[] = [];
    for (const dir of ['spreadsheet', 'files', 'jobs', 'reads']) {
      const abs = path.join(root, 'electron/core', dir);
      for (const f of fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
        const file = path.join(abs, f);
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
          const target = path.relative(path.join(root, 'electron/core'), path.resolve(path.dirname(file), m[1]));
          const top = target.split(path.sep)[0];
          if (WORDS.includes(top)) offenders.push(`electron/core/${dir}/${f} → ${m[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("a feature's texts are mounted under its word (renderer/src/features/<word>/locales)", () => {
    for (const d of dirs('renderer/src/features')) {
      const dir = path.join(root, 'renderer/src/features', d, 'locales');
      if (!fs.existsSync(dir)) continue;
      for (const lang of ['zh-CN', 'en']) expect(fs.existsSync(path.join(dir, `${lang}.json`)), `${d} ${lang}`).toBe(true);
    }
  });
});
