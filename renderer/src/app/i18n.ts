import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { initialLocale } from './locale';

type Messages = Record<string, unknown>;

// A feature may carry its own texts in features/<feature>/locales/{zh-CN,en}.json;
// they are mounted under the feature's name (t('customers.list.title')).
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });

function withFeatures(base: Messages, locale: string): Messages {
  const out: Messages = { ...base };
  for (const [file, messages] of Object.entries(featureFiles)) {
    const m = file.match(/features\/([^/]+)\/locales\/([^/]+)\.json$/);
    if (m && m[2] === locale) out[m[1]] = { ...((out[m[1]] as Messages | undefined) ?? {}), ...messages };
  }
  return out;
}

/** i18next with both languages bundled; Simplified Chinese is the default and the fallback. */
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: withFeatures(zhCN, 'zh-CN') },
    en: { translation: withFeatures(en, 'en') },
  },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
