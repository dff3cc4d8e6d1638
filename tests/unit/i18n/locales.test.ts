import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../electron/core/shared/contract-kit';
import { PERMISSIONS, ROLE_CODES } from '../../../electron/core/shared/permissions';
import { featureLocaleFiles, featureTexts } from '../support/feature-locales';

const root = path.resolve(__dirname, '../../..');
const localeDir = path.join(root, 'renderer/src/locales');
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(localeDir, name), 'utf8'));

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
function lookup(obj: Record<string, unknown>, key: string): unknown {
  // flat keys ("permission.user.manage") or nested objects — both are valid i18next layouts
  if (key in obj) return obj[key];
  const [head, ...rest] = key.split('.');
  const next = obj[head];
  return next && typeof next === 'object' && rest.length ? lookup(next as Record<string, unknown>, rest.join('.')) : undefined;
}

/** each feature's (and each part's) locale files, mounted under the feature's name (as renderer/src/app/i18n.ts does) */
const featureLocales = featureLocaleFiles('zh-CN').map((f, i) => {
  const en = featureLocaleFiles('en')[i];
  if (en?.feature !== f.feature || en.part !== f.part) throw new Error(`${f.feature}/${f.part}: no en file beside zh-CN`);
  return { feature: `${f.feature}${f.part ? `/${f.part}` : ''}`, zh: f.messages, en: en.messages };
});
const merged = (base: Record<string, unknown>, which: 'zh-CN' | 'en') => ({ ...base, ...featureTexts(which) });
const zh = merged(load('zh-CN.json'), 'zh-CN');
const en = merged(load('en.json'), 'en');

describe('locale files', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(load('en.json')).sort()).toEqual(keys(load('zh-CN.json')).sort());
    for (const f of featureLocales) expect(keys(f.en).sort(), f.feature).toEqual(keys(f.zh).sort());
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('no value is empty, and zh-CN is actually Chinese', () => {
    for (const [name, l] of [['zh', zh], ['en', en]] as const) {
      for (const k of keys(l)) expect(String(lookup(l, k)).trim(), `${name}:${k}`).not.toBe('');
    }
    const chinese = keys(zh).filter((k) => /[\u4e00-\u9fff]/.test(String(lookup(zh, k))));
    expect(chinese.length / keys(zh).length).toBeGreaterThan(0.8);
  });

  it('every message key the core can send is translated', () => {
    const src = fs
      .readdirSync(path.join(root, 'electron/core'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(root, 'electron/core', f), 'utf8'))
      .join('\n');
    const used = new Set([...src.matchAll(/'((?:[a-z]+\.)?(?:errors|validation)\.[A-Za-z_]+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const generic of ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'unrecognized_keys', 'invalid_value', 'custom']) {
      used.add(`validation.${generic}`);
    }
    for (const k of used) {
      expect(lookup(zh, k), `zh-CN ${k}`).toBeTypeOf('string');
      expect(lookup(en, k), `en ${k}`).toBeTypeOf('string');
    }
    expect(ERROR_CODES.length).toBeGreaterThan(0);
  });

  it("every refusal the backup core sends (backup.refusal.*, backup.failed*, backup.error.*) is translated", () => {
    const dir = path.join(root, 'electron/core/backup');
    const src = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const used = new Set([...src.matchAll(/'(backup\.(?:refusal|failed|error)(?:\.[A-Za-z_]+)?)'/g)].map((m) => m[1]));
    for (const k of used) {
      expect(lookup(zh, k), `zh-CN ${k}`).toBeTypeOf('string');
      expect(lookup(en, k), `en ${k}`).toBeTypeOf('string');
    }
  });

  it('roles and permissions have names in both languages', () => {
    for (const l of [zh, en]) {
      for (const r of ROLE_CODES) expect(lookup(l, `role.${r}`), r).toBeTypeOf('string');
      for (const p of PERMISSIONS) expect(lookup(l, `permission.${p}`), p).toBeTypeOf('string');
    }
  });
});

describe('components', () => {
  const sources = fs
    .readdirSync(path.join(root, 'renderer/src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .map((f) => ({ f, src: fs.readFileSync(path.join(root, 'renderer/src', f), 'utf8') }));

  it('contain no Chinese text (all of it lives in the locale files)', () => {
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter(({ src }) => /[\u3400-\u9fff\uff00-\uffef]/.test(src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offenders.map((o) => o.f)).toEqual([]);
  });

  it('contain no English text in JSX or in user-facing props', () => {
    const offenders: string[] = [];
    for (const { f, src } of sources.filter((s) => s.f.endsWith('.tsx'))) {
      const code = src.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      for (const m of code.matchAll(/>\s*([^<>{}\n]*[A-Za-z]{2,}[^<>{}\n]*)\s*</g)) {
        if (!/^[\s\w.]*=>|&&|\?\?|\|\|/.test(m[1]) && !/^\s*\)/.test(m[1])) offenders.push(`${f}: >${m[1].trim()}<`);
      }
      for (const m of code.matchAll(
        /\b(title|label|placeholder|okText|cancelText|message|description|tooltip|extra|help|addonBefore|addonAfter|alt|aria-label)=["']([^"']*[A-Za-z]{2,}[^"']*)["']/g,
      )) {
        offenders.push(`${f}: ${m[1]}="${m[2]}"`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
