import { areaList } from '@vant/area-data';
import { and, eq, inArray } from 'drizzle-orm';
import countries from 'i18n-iso-countries';
import { lookups, users } from '../../../db/schema';
import type { Core } from '../core';
import { Invalid } from '../errors';
import type { LookupKind } from '../lookups/shared/lookups.contract';

const LOOKUP_FIELDS = {
  categoryId: 'category',
  industryId: 'industry',
  regionId: 'region',
  creditRatingId: 'creditRating',
  settlementMethodId: 'settlementMethod',
} as const satisfies Record<string, LookupKind>;

type LookupField = keyof typeof LOOKUP_FIELDS;

interface RefInput {
  categoryId?: number | null;
  industryId?: number | null;
  regionId?: number | null;
  creditRatingId?: number | null;
  settlementMethodId?: number | null;
  salespersonId?: number | null;
  addresses: { country: string; provinceCode?: string | null; cityCode?: string | null; districtCode?: string | null }[];
}

/**
 * Checks what the record points at: managed-list items of the right kind (an inactive one only
 * if the record already had it), an existing user as salesperson, real ISO countries and a
 * consistent province → city → district chain. Throws INVALID_INPUT with the fields.
 */
export function assertReferences(core: Core, input: RefInput, previous?: Partial<Record<LookupField, number | null>>): void {
  const fields: Record<string, string> = {};
  const ids = Object.keys(LOOKUP_FIELDS)
    .map((f) => input[f as LookupField])
    .filter((v): v is number => typeof v === 'number');
  const found = ids.length ? core.db.select().from(lookups).where(inArray(lookups.id, ids)).all() : [];
  for (const [field, kind] of Object.entries(LOOKUP_FIELDS) as [LookupField, LookupKind][]) {
    const id = input[field];
    if (id == null) continue;
    const item = found.find((l) => l.id === id);
    if (!item || item.kind !== kind || (!item.active && previous?.[field] !== id)) fields[field] = 'customers.validation.lookup';
  }
  if (input.salespersonId != null) {
    const u = core.db.select({ id: users.id }).from(users).where(and(eq(users.id, input.salespersonId))).get();
    if (!u) fields.salespersonId = 'customers.validation.salesperson';
  }
  input.addresses.forEach((a, i) => {
    if (!countries.isValid(a.country)) fields[`addresses.${i}.country`] = 'customers.validation.country';
    if (a.country !== 'CN') {
      if (a.provinceCode || a.cityCode || a.districtCode) fields[`addresses.${i}.provinceCode`] = 'customers.validation.division';
      return;
    }
    const p = a.provinceCode;
    const c = a.cityCode;
    const d = a.districtCode;
    const bad =
      (p && !areaList.province_list[p]) ||
      (c && (!areaList.city_list[c] || !p || c.slice(0, 2) !== p.slice(0, 2))) ||
      (d && (!areaList.county_list[d] || !c || d.slice(0, 4) !== c.slice(0, 4)));
    if (bad) fields[`addresses.${i}.provinceCode`] = 'customers.validation.division';
  });
  if (Object.keys(fields).length) throw Invalid(fields);
}

/** Names of the managed-list items a record points at, for readable history. */
export function lookupNames(core: Core, ids: (number | null | undefined)[]): Map<number, string> {
  const wanted = ids.filter((v): v is number => typeof v === 'number');
  if (!wanted.length) return new Map();
  return new Map(
    core.db
      .select({ id: lookups.id, name: lookups.name })
      .from(lookups)
      .where(inArray(lookups.id, wanted))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

/** Readable place of an address in China: 北京市 北京市 海淀区. */
export function divisionNames(a: { provinceCode?: string | null; cityCode?: string | null; districtCode?: string | null }): string {
  return [
    a.provinceCode && areaList.province_list[a.provinceCode],
    a.cityCode && areaList.city_list[a.cityCode],
    a.districtCode && areaList.county_list[a.districtCode],
  ]
    .filter(Boolean)
    .join(' ');
}
