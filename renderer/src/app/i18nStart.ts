import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from '../locales/zh-CN.json';
import { initialLocale } from './locale';
import { loadTexts } from './texts';

/**
 * i18next as the app starts: Simplified Chinese (the default and the fallback) base texts are in
 * the first chunk; the first language's other texts load before the first render (`textsReady`),
 * the rest on demand (texts.ts). Tests that need every text import i18n.ts instead.
 */
const first = initialLocale();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: first,
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const textsReady: Promise<void> = loadTexts(first);

export default i18n;
