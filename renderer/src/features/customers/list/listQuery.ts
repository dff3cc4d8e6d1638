import { create } from 'zustand';
import type { SORT_FIELDS } from '../../../../../electron/core/customers/shared/customers.contract';
import type { CustomerFilters } from '../exportAction';

export type SortField = (typeof SORT_FIELDS)[number];
export interface ListSort {
  field: SortField;
  order: 'asc' | 'desc';
}

export interface ListQuery {
  q: string;
  filters: CustomerFilters;
  sort: ListSort | null;
}

interface ListQueryState extends ListQuery {
  setQ(q: string): void;
  setFilters(filters: CustomerFilters): void;
  setSort(sort: ListSort | null): void;
  reset(): void;
}

/** The list's search text, filters and order: kept while the user opens a customer and comes back. */
export const useListQuery = create<ListQueryState>()((set) => ({
  q: '',
  filters: {},
  sort: null,
  setQ: (q) => set({ q }),
  setFilters: (filters) => set({ filters }),
  setSort: (sort) => set({ sort }),
  reset: () => set({ q: '', filters: {}, sort: null }),
}));

/** Filters without empty entries (what the core receives). */
export function cleanFilters(filters: CustomerFilters): CustomerFilters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as CustomerFilters;
}

/** Equal for queries that ask the core the same thing (a query typed back is asked once). */
export function queryKey(query: ListQuery): string {
  return JSON.stringify([query.q, cleanFilters(query.filters), query.sort]);
}
