import i18n from 'i18next';
import type { AppLocale } from './locale';

export type Messages = Record<string, unknown>;

// Texts load on demand, in chunks of their own: the sign-in screen needs only its language's
// base file (zh-CN's is in the first chunk, see i18nStart.ts); the features' texts come with the
// signed-in app, the other language when it is chosen.
const baseFiles = import.meta.glob<Messages>(['../locales/*.json', '!../locales/zh-CN.json'], { import: 'default' });
const featureFiles = import.meta.glob<Messages>(['../features/*/locales/*.json', '../features/*/locales/*/*.json'], {
  import: 'default',
});

/**
 * `../features/customers/locales/en.json` → { feature: 'customers', locale: 'en' }. A big feature
 * may split its texts by part, `locales/<part>/en.json`: each part's file holds its own top-level
 * keys, mounted under the feature's name like the rest.
 */
export function featureFileOf(file: string): { feature: string; locale: string } | null {
  const m = file.match(/features\/([^/]+)\/locales\/(?:[^/]+\/)?([^/]+)\.json$/);
  return m ? { feature: m[1], locale: m[2] } : null;
}

/** A feature's texts are mounted under its name: t('customers.list.title'). */
export function addFeatureTexts(locale: string, feature: string, messages: Messages): void {
  i18n.addResourceBundle(locale, 'translation', { [feature]: messages }, true, true);
}

export function addBaseTexts(locale: string, messages: Messages): void {
  i18n.addResourceBundle(locale, 'translation', messages, true, true);
}

const loaded = new Set<string>();
let featuresWanted = false;

/** Loads what the screen needs in `locale`: its base texts, and the features' once signed in. */
export async function loadTexts(locale: AppLocale): Promise<void> {
  const jobs: Promise<void>[] = [];
  const base = baseFiles[`../locales/${locale}.json`];
  if (base && !loaded.has(locale)) {
    jobs.push(base().then((m) => addBaseTexts(locale, m)));
  }
  if (featuresWanted && !loaded.has(`${locale}:features`)) {
    for (const [file, load] of Object.entries(featureFiles)) {
      const of = featureFileOf(file);
      if (of?.locale === locale) jobs.push(load().then((m) => addFeatureTexts(locale, of.feature, m)));
    }
  }
  await Promise.all(jobs);
  loaded.add(locale);
  if (featuresWanted) loaded.add(`${locale}:features`);
}

/** The signed-in app is about to show: its features' texts, in the language shown (and later ones). */
export function loadFeatureTexts(locale: AppLocale): Promise<void> {
  featuresWanted = true;
  return loadTexts(locale);
}
