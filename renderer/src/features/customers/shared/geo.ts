import { areaList } from '@vant/area-data';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(zh);
countries.registerLocale(en);

export const CHINA = 'CN';

function countryLang(locale: string): 'zh' | 'en' {
  return locale.startsWith('zh') ? 'zh' : 'en';
}

/** The country's name in the UI language (ISO 3166-1 alpha-2 code in, code back if unknown). */
export function countryName(code: string, locale: string): string {
  return countries.getName(code, countryLang(locale), { select: 'alias' }) ?? code;
}

interface CountryOption {
  value: string;
  label: string;
}

const countryCache = new Map<string, CountryOption[]>();

/** Every country as a choice, China first, the rest by name in the UI language. */
export function countryOptions(locale: string): CountryOption[] {
  const lang = countryLang(locale);
  const cached = countryCache.get(lang);
  if (cached) return cached;
  const names = countries.getNames(lang, { select: 'alias' });
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const options = Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => (a.value === CHINA ? -1 : b.value === CHINA ? 1 : collator.compare(a.label, b.label)));
  countryCache.set(lang, options);
  return options;
}

interface DivisionOption {
  value: string;
  label: string;
  children?: DivisionOption[];
}

let divisionCache: DivisionOption[] | null = null;

/**
 * China's province → city → district tree (6-digit codes from @vant/area-data). A city's
 * districts share its first four digits; a province's cities its first two.
 */
export function chinaDivisionOptions(): DivisionOption[] {
  if (divisionCache) return divisionCache;
  const cities = new Map<string, DivisionOption[]>();
  const districts = new Map<string, DivisionOption[]>();
  for (const [value, label] of Object.entries(areaList.county_list)) {
    const key = value.slice(0, 4);
    const list = districts.get(key) ?? [];
    list.push({ value, label });
    districts.set(key, list);
  }
  for (const [value, label] of Object.entries(areaList.city_list)) {
    const key = value.slice(0, 2);
    const list = cities.get(key) ?? [];
    const children = districts.get(value.slice(0, 4));
    list.push(children?.length ? { value, label, children } : { value, label });
    cities.set(key, list);
  }
  divisionCache = Object.entries(areaList.province_list).map(([value, label]) => {
    const children = cities.get(value.slice(0, 2));
    return children?.length ? { value, label, children } : { value, label };
  });
  return divisionCache;
}

/** 北京市 / 北京市 / 海淀区 from the stored codes (unknown codes are skipped). */
export function divisionNames(codes: readonly (string | null | undefined)[]): string[] {
  const [province, city, district] = codes;
  const names = [
    province ? areaList.province_list[province] : undefined,
    city ? areaList.city_list[city] : undefined,
    district ? areaList.county_list[district] : undefined,
  ];
  return names.filter((n): n is string => !!n);
}
