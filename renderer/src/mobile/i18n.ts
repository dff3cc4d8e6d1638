import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  errors as stocktakeErrorsEn,
  validation as stocktakeValidationEn,
} from '../features/stocktake/locales/core/en.json';
import {
  errors as stocktakeErrorsZh,
  validation as stocktakeValidationZh,
} from '../features/stocktake/locales/core/zh-CN.json';
import { errors as errorsEn, validation as validationEn } from '../locales/en.json';
import { errors as errorsZh, validation as validationZh } from '../locales/zh-CN.json';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The camera's own texts (renderer/src/mobile/camera/locales), mounted under `camera.` when present. */
const cameraTexts = import.meta.glob<{ default: Record<string, unknown> }>('./camera/locales/*.json', { eager: true });
const camera = (lang: string) => cameraTexts[`./camera/locales/${lang}.json`]?.default ?? {};

export const MOBILE_LANGUAGES = ['zh-CN', 'en'] as const;

/** zh-CN unless the signed-in user (or, before that, the browser) asks for English. */
export function initI18n(): typeof i18next {
  const stored = localStorage.getItem('kehu-m-lang');
  const lng = stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: {
      // the server's refusals name the PC's texts (errors.*, validation.*, stocktake.errors.*): the
      // phone carries those few (named JSON imports: only these keys are bundled)
      'zh-CN': {
        translation: {
          ...zh,
          camera: camera('zh-CN'),
          errors: errorsZh,
          validation: validationZh,
          stocktake: { errors: stocktakeErrorsZh, validation: stocktakeValidationZh },
        },
      },
      en: {
        translation: {
          ...en,
          camera: camera('en'),
          errors: errorsEn,
          validation: validationEn,
          stocktake: { errors: stocktakeErrorsEn, validation: stocktakeValidationEn },
        },
      },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(lang: string): void {
  const next = lang === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('kehu-m-lang', next);
  void i18next.changeLanguage(next);
  document.documentElement.lang = next;
}
