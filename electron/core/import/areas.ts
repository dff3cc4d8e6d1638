import { areaList } from '@vant/area-data';
import { foldKey } from '../spreadsheet/cells';

/**
 * Province / city / district names → 6-digit codes (@vant/area-data), forgiving the suffix people
 * leave out: 广东 = 广东省, 广西 = 广西壮族自治区, 海淀 = 海淀区. Cities are looked up inside the
 * province, districts inside the city (or the province when no city is given).
 */
const SUFFIXES = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|省|市|区|县|盟|旗)$/;

function short(name: string): string {
  const k = foldKey(name);
  const s = k.replace(SUFFIXES, '');
  return s.length >= 2 ? s : k;
}

interface Entry {
  code: string;
  name: string;
}
type Index = Map<string, Entry[]>;

function add(index: Index, key: string, e: Entry) {
  const list = index.get(key);
  if (!list) index.set(key, [e]);
  else if (!list.some((x) => x.code === e.code)) list.push(e);
}

function build(list: Record<string, string>): Index {
  const index: Index = new Map();
  for (const [code, name] of Object.entries(list)) {
    add(index, foldKey(name), { code, name });
    add(index, short(name), { code, name });
  }
  return index;
}

let provinces: Index | null = null;
let cities: Index | null = null;
let districts: Index | null = null;

function find(index: Index, name: string, prefix: string): Entry[] {
  const within = (hits: Entry[] | undefined) => (hits ?? []).filter((e) => e.code.startsWith(prefix));
  const exact = within(index.get(foldKey(name)));
  return exact.length ? exact : within(index.get(short(name)));
}

interface DivisionNames {
  province: string;
  city: string;
  district: string;
}
type DivisionResult =
  | { ok: true; provinceCode: string | null; cityCode: string | null; districtCode: string | null }
  | { ok: false; field: 'province' | 'city' | 'district' };

export function resolveDivision(n: DivisionNames): DivisionResult {
  provinces ??= build(areaList.province_list);
  cities ??= build(areaList.city_list);
  districts ??= build(areaList.county_list);
  let provinceCode: string | null = null;
  let cityCode: string | null = null;
  let districtCode: string | null = null;
  if (n.province) {
    const p = find(provinces, n.province, '');
    if (p.length !== 1) return { ok: false, field: 'province' };
    provinceCode = p[0].code;
  }
  if (n.city) {
    const c = find(cities, n.city, provinceCode ? provinceCode.slice(0, 2) : '');
    if (c.length !== 1) return { ok: false, field: 'city' };
    cityCode = c[0].code;
    provinceCode ??= `${cityCode.slice(0, 2)}0000`;
  }
  if (n.district) {
    const prefix = cityCode ? cityCode.slice(0, 4) : provinceCode ? provinceCode.slice(0, 2) : '';
    const d = find(districts, n.district, prefix);
    if (d.length !== 1) return { ok: false, field: 'district' };
    districtCode = d[0].code;
    cityCode ??= `${districtCode.slice(0, 4)}00`;
    provinceCode ??= `${districtCode.slice(0, 2)}0000`;
    if (!areaList.city_list[cityCode]) return { ok: false, field: 'city' };
  }
  return { ok: true, provinceCode, cityCode, districtCode };
}

/** Codes → names for the export (empty where unknown). */
export function divisionNamesOf(a: { provinceCode: string | null; cityCode: string | null; districtCode: string | null }): DivisionNames {
  return {
    province: (a.provinceCode && areaList.province_list[a.provinceCode]) || '',
    city: (a.cityCode && areaList.city_list[a.cityCode]) || '',
    district: (a.districtCode && areaList.county_list[a.districtCode]) || '',
  };
}
