import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { cleanFilters, type ListQuery } from './listQuery';

/** Rows fetched per call as the user scrolls. */
const PAGE_SIZE = 100;

interface SearchState {
  rows: CustomerListRow[];
  total: number;
  totalCapped: boolean;
  loading: boolean;
  /** every match is loaded */
  complete: boolean;
}

const EMPTY: SearchState = { rows: [], total: 0, totalCapped: false, loading: true, complete: false };

/**
 * Server-side search, loaded page by page: the first page when the query changes, the next ones
 * when `loadMore` is called (the table calls it near the bottom). Answers to an older query are
 * dropped, so fast typing never shows stale rows.
 */
export function useCustomerSearch(query: ListQuery) {
  const reportError = useReportError();
  const [state, setState] = useState<SearchState>(EMPTY);
  const generation = useRef(0);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(
    async (offset: number, gen: number) => {
      busy.current = true;
      setState((s) => ({ ...s, loading: true }));
      try {
        const q = query.q.trim();
        const result = await call('customer.search', {
          q: q || undefined,
          filters: cleanFilters(query.filters),
          sort: query.sort ?? undefined,
          offset,
          limit: PAGE_SIZE,
        });
        if (gen !== generation.current) return;
        setState((s) => {
          const rows = offset === 0 ? result.items : [...s.rows, ...result.items];
          return {
            rows,
            total: result.total,
            totalCapped: result.totalCapped,
            loading: false,
            complete: result.items.length < PAGE_SIZE || (!result.totalCapped && rows.length >= result.total),
          };
        });
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, complete: true }));
        reportError(error);
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [query, reportError],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  useEffect(() => {
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (busy.current || s.complete || s.loading) return;
    void fetchPage(s.rows.length, generation.current);
  }, [fetchPage]);

  return { ...state, loadMore, reload };
}
