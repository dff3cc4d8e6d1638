import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(zh);
countries.registerLocale(en);

/** A country's name in files: Chinese (德国), as the renderer shows it; the code if it has none. */
export function countryLabel(code: string): string {
  return countries.getName(code, 'zh') ?? code;
}

/** 国家/地区 as typed in a file → ISO 3166-1 alpha-2: Chinese or English name, alpha-2 or alpha-3 code. */
export function countryCode(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (!t) return null;
  if (['中华人民共和国', '中国大陆', '大陆'].includes(t)) return 'CN';
  return countries.getAlpha2Code(t, 'zh') ?? countries.getAlpha2Code(t, 'en') ?? (countries.isValid(t) ? (countries.toAlpha2(t) ?? null) : null);
}
