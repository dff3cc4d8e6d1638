import { usccCheckChar } from '../../../electron/core/customers/shared/customer.rules';
import type { Prng } from './prng';
import {
  CATEGORIES,
  CITIES,
  type City,
  GIVEN_NAMES,
  GOVERNMENT_BODIES,
  INDUSTRIES,
  MOBILE_PREFIXES,
  RATINGS,
  SHOPS,
  STEM_CHARS,
  SUFFIXES,
  SURNAMES,
  TITLES,
} from './vocabulary';

export interface SeedContact {
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
}

/** One generated customer; managed-list values by name (the seeder maps them to ids). */
export interface SeedCustomer {
  code: string;
  name: string;
  shortName: string | null;
  nature: 'enterprise' | 'individualBusiness' | 'person' | 'government';
  taxId: string | null;
  legalRep: string | null;
  category: string;
  industry: string | null;
  region: string;
  rating: string;
  /** index into the seeded salespeople, or null */
  salesperson: number | null;
  creditLimitCents: number | null;
  creditDays: number | null;
  contacts: SeedContact[];
  address: { provinceCode: string; cityCode: string; districtCode: string; street: string; postcode: string } | null;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_SPACE = 31 ** 8;

/**
 * A valid, unique 统一社会信用代码 for customer number `n`: authority + type, the district, an
 * 8-character body that is a bijection of `n` (so no two customers share one), a 9th character,
 * and the GB 32100 check character.
 */
export function seedUscc(n: number, kind: '91' | '92' | '11', district: string, rng: Prng): string {
  let x = (n * 387_420_489 + 12_345_678) % ORG_SPACE;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = USCC_ALPHABET[x % 31] + body;
    x = Math.floor(x / 31);
  }
  const first17 = `${kind}${district}${body}${USCC_ALPHABET[rng.int(31)]}`;
  return first17 + usccCheckChar(first17);
}

function weighted<T>(rng: Prng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

const personName = (rng: Prng) =>
  rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES) + (rng.chance(0.4) ? rng.pick(GIVEN_NAMES) : '');
const stem = (rng: Prng) => rng.pick(STEM_CHARS) + rng.pick(STEM_CHARS);
const mobile = (rng: Prng) => rng.pick(MOBILE_PREFIXES) + rng.digits(8);
const landline = (rng: Prng, city: City) =>
  `${city.area}-${rng.int(8) + 2}${rng.digits(city.area.length === 3 ? 7 : 6)}`;

function contacts(rng: Prng, city: City, self: string | null): SeedContact[] {
  const n = self ? 1 : rng.chance(0.7) ? 1 : rng.chance(0.83) ? 2 : 3;
  const out: SeedContact[] = [];
  for (let i = 0; i < n; i++) {
    const name = i === 0 && self ? self : personName(rng);
    out.push({
      name,
      title: self ? null : rng.pick(TITLES),
      mobile: rng.chance(0.95) ? mobile(rng) : null,
      phone: rng.chance(0.3) ? landline(rng, city) : null,
      email: rng.chance(0.2) ? `user${rng.digits(6)}@example.com` : null,
      isPrimary: i === 0,
    });
  }
  return out;
}

/** Customer number `n` (1-based) of the seeded archive; code C000001 … */
export function generateCustomer(n: number, rng: Prng): SeedCustomer {
  const city = rng.pick(CITIES);
  const [districtName, district] = rng.pick(city.districts);
  const code = `C${String(n).padStart(6, '0')}`;
  const kind = rng.next();
  const base = {
    code,
    category: rng.pick(CATEGORIES),
    region: city.region,
    rating: weighted(rng, RATINGS),
    salesperson: rng.chance(0.8) ? rng.int(20) : null,
    creditLimitCents: rng.chance(0.6) ? (rng.int(500) + 1) * 1_000_000 : null,
    creditDays: rng.chance(0.6) ? rng.pick([0, 15, 30, 45, 60, 90]) : null,
    address: rng.chance(0.6)
      ? {
          provinceCode: city.province,
          cityCode: city.city,
          districtCode: district,
          street: `${rng.pick(STEM_CHARS)}${rng.pick(STEM_CHARS)}路${rng.int(999) + 1}号`,
          postcode: `${district.slice(0, 4)}00`,
        }
      : null,
  };

  if (kind < 0.15) {
    // a person (个人客户)
    const name = personName(rng);
    return {
      ...base,
      name,
      shortName: null,
      nature: 'person',
      taxId: null,
      legalRep: null,
      industry: null,
      contacts: contacts(rng, city, name),
    };
  }
  if (kind < 0.2) {
    // 个体工商户: 张伟便利店 / 海淀区张伟五金店
    const owner = personName(rng);
    const name = `${rng.chance(0.3) ? `${districtName}区` : ''}${owner}${rng.pick(SHOPS)}`;
    return {
      ...base,
      name,
      shortName: null,
      nature: 'individualBusiness',
      taxId: rng.chance(0.7) ? seedUscc(n, '92', district, rng) : null,
      legalRep: owner,
      industry: '批发和零售业',
      contacts: contacts(rng, city, owner),
    };
  }
  if (kind < 0.22) {
    const name = `${city.name}市${districtName}区${rng.pick(GOVERNMENT_BODIES)}`;
    return {
      ...base,
      name,
      shortName: null,
      nature: 'government',
      taxId: seedUscc(n, '11', district, rng),
      legalRep: personName(rng),
      industry: '其他',
      contacts: contacts(rng, city, null),
    };
  }

  // a company: 北京海淀科技有限公司 / 杭州鑫源贸易有限责任公司 / 鑫源贸易(杭州)有限公司 (stored NFKC-folded, as the app does)
  const [word, industry] = rng.pick(INDUSTRIES);
  const suffix = weighted(rng, SUFFIXES);
  const trade = rng.chance(0.2) ? districtName : stem(rng);
  const shape = rng.next();
  const name =
    shape < 0.7
      ? `${city.name}${trade}${word}${suffix}`
      : shape < 0.85
        ? `${trade}${word}(${city.name})${suffix}`
        : `${city.name}市${trade}${word}${suffix}`;
  return {
    ...base,
    name,
    shortName: rng.chance(0.3) ? `${trade}${word}` : null,
    nature: 'enterprise',
    taxId: seedUscc(n, '91', district, rng),
    legalRep: personName(rng),
    industry,
    contacts: contacts(rng, city, null),
  };
}
