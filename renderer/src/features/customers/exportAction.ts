import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { customerFiltersSchema } from '../../../../electron/core/customers/shared/customers.contract';
import { customerPaths } from '../../shared/customerPaths';
import type { ListSort } from './list/listQuery';

export type CustomerFilters = z.input<typeof customerFiltersSchema>;

/** What the list is showing when the user presses 导出: its search text and filters. */
interface ExportRequest {
  q?: string;
  filters: CustomerFilters;
}

const NUMBER_FILTERS = ['categoryId', 'regionId', 'industryId', 'creditRatingId', 'salespersonId'] as const;
/** 最后核对 since / not since a local date */
const DAY_FILTERS = ['verifiedSince', 'notVerifiedSince'] as const;

/** `/import?tab=export&q=…&categoryId=…` (arrays comma-joined); read back by exportRequestFromUrl. */
function exportUrl({ q, filters }: ExportRequest): string {
  const params = new URLSearchParams({ tab: 'export' });
  if (q) params.set('q', q);
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `${customerPaths.import}?${params.toString()}`;
}

/** The list's q + filters (and an order, if one is given) as exportUrl put them in the URL. */
export function exportRequestFromUrl(params: URLSearchParams): { q: string; filters: CustomerFilters; sort: ListSort | null } {
  const filters: Record<string, unknown> = {};
  const status = params.get('status');
  if (status) filters.status = status.split(',').filter(Boolean);
  for (const key of NUMBER_FILTERS) {
    const n = Number(params.get(key));
    if (Number.isInteger(n) && n > 0) filters[key] = n;
  }
  for (const key of DAY_FILTERS) {
    const day = params.get(key);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) filters[key] = day;
  }
  const [field, order] = (params.get('sort') ?? '').split('.');
  const sort = ['code', 'name', 'createdAt', 'updatedAt'].includes(field) && (order === 'asc' || order === 'desc') ? ({ field, order } as ListSort) : null;
  return { q: params.get('q') ?? '', filters: filters as CustomerFilters, sort };
}

/**
 * The list's 导出 handler, `onExport(request)`. For now it opens the import/export page (built by
 * the import feature) with the list's search and filters; wire a different export flow here, the
 * list only calls the returned function.
 */
export function useCustomerExport(): (request: ExportRequest) => void {
  const navigate = useNavigate();
  return useCallback((request: ExportRequest) => navigate(exportUrl(request)), [navigate]);
}
