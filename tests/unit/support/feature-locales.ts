import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export type Messages = Record<string, unknown>;

/**
 * The texts of each feature in one language, as renderer/src/app/i18n.ts mounts them: the
 * feature's locales/<locale>.json, then each part's locales/<part>/<locale>.json (a big feature
 * splits its texts by part; a part's top-level keys are its own). One entry per file.
 */
export function featureLocaleFiles(locale: string): { feature: string; part: string; messages: Messages }[] {
  const features = path.join(ROOT, 'renderer/src/features');
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;
  const out: { feature: string; part: string; messages: Messages }[] = [];
  for (const feature of fs.readdirSync(features).sort()) {
    const dir = path.join(features, feature, 'locales');
    if (!fs.existsSync(dir)) continue;
    const main = path.join(dir, `${locale}.json`);
    if (fs.existsSync(main)) out.push({ feature, part: '', messages: read(main) });
    for (const d of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, d.name, `${locale}.json`);
      if (fs.existsSync(file)) out.push({ feature, part: d.name, messages: read(file) });
    }
  }
  return out;
}

/** Every feature's texts of one language merged under the feature's name (a part's key given twice throws). */
export function featureTexts(locale: string): Messages {
  const out: Record<string, Messages> = {};
  for (const f of featureLocaleFiles(locale)) {
    const mine = out[f.feature] ?? {};
    for (const k of Object.keys(f.messages)) if (k in mine) throw new Error(`${f.feature}/${f.part}: key ${k} is given twice`);
    out[f.feature] = { ...mine, ...f.messages };
  }
  return out;
}
