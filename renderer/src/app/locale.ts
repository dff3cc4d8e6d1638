import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from 'i18next';
import { LOCALES } from '../../../electron/core/auth/shared/locales';
import { loadTexts } from './texts';

export type AppLocale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kh.locale';
const DAYJS_LOCALE: Record<AppLocale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStored(): AppLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language to start in: the last one chosen on this machine, else Simplified Chinese. */
export function initialLocale(): AppLocale {
  const locale = readStored() ?? 'zh-CN';
  dayjs.locale(DAYJS_LOCALE[locale]);
  document.documentElement.lang = locale;
  return locale;
}

export function currentLocale(): AppLocale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

export function otherLocale(locale: AppLocale): AppLocale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN';
}

/** Switches the UI language at once (texts, antd, dayjs) and remembers it on this machine. */
export function applyLocale(locale: AppLocale): void {
  dayjs.locale(DAYJS_LOCALE[locale]);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage unavailable: the choice lasts for this window only
  }
  // the language's texts may still have to load (texts.ts): the last choice wins
  wanted = locale;
  void loadTexts(locale)
    .catch(() => null)
    .then(() => {
      if (wanted === locale && i18n.language !== locale) void i18n.changeLanguage(locale);
    });
}
let wanted: AppLocale | null = null;

/** Set when the language was switched while signed out; that choice then wins at sign-in. */
let chosenWhileSignedOut = false;
export function markChosenWhileSignedOut(): void {
  chosenWhileSignedOut = true;
}
export function takeChosenWhileSignedOut(): boolean {
  const chosen = chosenWhileSignedOut;
  chosenWhileSignedOut = false;
  return chosen;
}
