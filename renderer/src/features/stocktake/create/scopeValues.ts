import type { CustomerStatus } from '../../../../../electron/core/customers/shared/customers.contract';
import type { StocktakeScope, StocktakeSummary } from '../../../../../electron/core/stocktake/shared/stocktake.contract';

/** The create dialog's scope fields: which kind, and the filter's criteria or the ticked ids. */
export interface ScopeValues {
  scopeKind: 'all' | 'filter' | 'selection';
  categoryId?: number | null;
  regionId?: number | null;
  industryId?: number | null;
  salespersonId?: number | null;
  /** the states counted by a filter; none chosen = active only (what an office counts) */
  status?: CustomerStatus[];
}

export const DEFAULT_FILTER_STATUS: readonly CustomerStatus[] = ['active'];

/**
 * The scope the core is asked about. A selection needs the ticked ids; without them (a draft
 * whose ids the list does not return) the scope is left as it is: undefined.
 */
export function scopeOf(values: ScopeValues, ids: readonly number[] | null): StocktakeScope | undefined {
  if (values.scopeKind === 'all') return { kind: 'all' };
  if (values.scopeKind === 'selection') return ids?.length ? { kind: 'selection', ids: [...ids] } : undefined;
  const pick = (v: number | null | undefined) => (v ? v : undefined);
  const filters = {
    status: values.status?.length ? [...values.status] : [...DEFAULT_FILTER_STATUS],
    categoryId: pick(values.categoryId),
    regionId: pick(values.regionId),
    industryId: pick(values.industryId),
    salespersonId: pick(values.salespersonId),
  };
  return {
    kind: 'filter',
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as typeof filters,
  };
}

/** A stocktake's scope as the dialog's fields (editing a draft). */
export function valuesOf(scope: StocktakeSummary['scope']): ScopeValues {
  if (scope.kind === 'all') return { scopeKind: 'all' };
  if (scope.kind === 'selection') return { scopeKind: 'selection' };
  const f = scope.filters;
  return {
    scopeKind: 'filter',
    categoryId: f.categoryId ?? null,
    regionId: f.regionId ?? null,
    industryId: f.industryId ?? null,
    salespersonId: f.salespersonId ?? null,
    status: f.status?.length ? [...f.status] : [...DEFAULT_FILTER_STATUS],
  };
}

/**
 * The ticked ids handed over by the customer list (router state `{ select: number[] }`; state, not
 * the address, since a selection may hold thousands): positive integers, each once, order kept.
 */
export function selectionFrom(state: unknown): number[] {
  const raw = (state as { select?: unknown } | null)?.select;
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((n): n is number => Number.isSafeInteger(n) && n > 0))];
}
