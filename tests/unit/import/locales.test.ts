import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJobs } from '../../../electron/core/import/import.jobs';
import { IMPORT_FIELDS, importProgressSchema } from '../../../electron/core/import/shared/import.contract';

const root = path.resolve(__dirname, '../../..');
const load = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const mine = { zh: load('renderer/src/features/import/locales/zh-CN.json'), en: load('renderer/src/features/import/locales/en.json') };
const customers = { zh: load('renderer/src/features/customers/locales/zh-CN.json'), en: load('renderer/src/features/customers/locales/en.json') };
const global = { zh: load('renderer/src/locales/zh-CN.json'), en: load('renderer/src/locales/en.json') };

function lookup(obj: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}
/** A key as i18next resolves it: import.* and customers.* from the feature files, the rest global. */
function text(lang: 'zh' | 'en', key: string): unknown {
  const [head, ...rest] = key.split('.');
  if (head === 'import') return lookup(mine[lang], rest.join('.'));
  if (head === 'customers') return lookup(customers[lang], rest.join('.'));
  return lookup(global[lang], key);
}

function sources(dir: string): string {
  const abs = path.join(root, dir);
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => fs.readFileSync(path.join(abs, f), 'utf8'))
    .join('\n');
}

describe('texts of the import feature', () => {
  it('every message key the import core can send, and every key its pages use, exists in both languages', () => {
    const core = sources('electron/core/import');
    const ui = sources('renderer/src/features/import');
    const keys = new Set(
      [...`${core}\n${ui}`.matchAll(/'((?:import|customers|validation|errors)\.[\w.-]+)'/g)].map((m) => m[1])
        // file names and job kinds (`import.run`) are not texts
        .filter((k) => !/\.(js|ts)$/.test(k) && !(k in importJobs)),
    );
    for (const f of IMPORT_FIELDS) keys.add(`import.fields.${f}`);
    for (const p of importProgressSchema.shape.phase.options) keys.add(`import.progress.${p}`);
    // what the record's schema itself may say about a row
    for (const k of ['customers.validation.uscc', 'customers.validation.mobile', 'customers.validation.email', 'customers.validation.date', 'validation.required', 'validation.tooLong', 'validation.range']) keys.add(k);
    expect(keys.size).toBeGreaterThan(60);
    for (const k of keys) {
      expect(text('zh', k), `zh-CN ${k}`).toBeTypeOf('string');
      expect(text('en', k), `en ${k}`).toBeTypeOf('string');
    }
  });
});
