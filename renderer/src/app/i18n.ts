import i18n from './i18nStart';
import { addBaseTexts, addFeatureTexts, featureFileOf, type Messages } from './texts';

/**
 * i18next with every text of both languages at once, as the unit tests want them. The app does
 * not import this (it would put every text in the first chunk): it starts from i18nStart.ts and
 * loads the rest on demand.
 */
const baseFiles = import.meta.glob<Messages>('../locales/*.json', { eager: true, import: 'default' });
const featureFiles = import.meta.glob<Messages>(['../features/*/locales/*.json', '../features/*/locales/*/*.json'], {
  eager: true,
  import: 'default',
});

for (const [file, messages] of Object.entries(baseFiles)) {
  const locale = file.match(/([^/]+)\.json$/)?.[1];
  if (locale) addBaseTexts(locale, messages);
}
for (const [file, messages] of Object.entries(featureFiles)) {
  const of = featureFileOf(file);
  if (of) addFeatureTexts(of.locale, of.feature, messages);
}

export default i18n;
