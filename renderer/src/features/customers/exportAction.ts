import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { customerFiltersSchema } from '../../../../electron/core/customers/shared/customers.contract';
import { customerPaths } from '../../shared/customerPaths';

export type CustomerFilters = z.input<typeof customerFiltersSchema>;

/** What the list is showing when the user presses 导出: its search text and filters. */
interface ExportRequest {
  q?: string;
  filters: CustomerFilters;
}

/** `/import?tab=export&q=…&categoryId=…` (arrays comma-joined). */
function exportUrl({ q, filters }: ExportRequest): string {
  const params = new URLSearchParams({ tab: 'export' });
  if (q) params.set('q', q);
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return `${customerPaths.import}?${params.toString()}`;
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
