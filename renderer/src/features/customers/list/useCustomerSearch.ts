import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { cleanFilters, type ListQuery, queryKey } from './listQuery';

/** The first page of an answer: enough to fill the screen, so it comes back and draws fast. */
const FIRST_PAGE = 50;
/** Each further page (asked for ahead of the scrolling, by cursor). */
const PAGE_SIZE = 100;

interface SearchState {
  rows: CustomerListRow[];
  total: number;
  totalCapped: boolean;
  loading: boolean;
  /** every match is loaded */
  complete: boolean;
  /** the cursor of the following page */
  next: string | null;
  /** counts the queries: the table goes back to the top on a new one */
  generation: number;
}

const EMPTY: SearchState = {
  rows: [],
  total: 0,
  totalCapped: false,
  loading: true,
  complete: false,
  next: null,
  generation: 0,
};

/**
 * Server-side search, loaded page by page: the first page when the query changes, the next ones
 * (by the answer's cursor: a keyset seek when browsing, at any depth) when `loadMore` is called.
 * Each query gets a sequence number and an answer to an older one is dropped, so fast typing never
 * shows stale rows. `ask` sends a query at once, from the keystroke's own handler: the request is
 * on its way before React draws the typed text (the query passed in later is then not asked twice).
 * The returned callbacks keep their identity, so memoised parts of the page do not redraw per query.
 */
export function useCustomerSearch(query: ListQuery) {
  const reportError = useReportError();
  const [state, setState] = useState<SearchState>(EMPTY);
  const generation = useRef(0);
  const busy = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  /** the query asked last (loadMore continues it) and its key */
  const asked = useRef<{ query: ListQuery; key: string } | null>(null);

  const fetchPage = useCallback(
    async (query: ListQuery, after: string | null, gen: number) => {
      busy.current = true;
      if (after) setState((s) => (s.loading ? s : { ...s, loading: true }));
      try {
        const q = query.q.trim();
        const result = await call('customer.search', {
          q: q || undefined,
          filters: cleanFilters(query.filters),
          sort: query.sort ?? undefined,
          limit: after ? PAGE_SIZE : FIRST_PAGE,
          after: after ?? undefined,
        });
        if (gen !== generation.current) return;
        setState((s) => ({
          rows: after ? [...s.rows, ...result.items] : result.items,
          total: result.total,
          totalCapped: result.totalCapped,
          loading: false,
          complete: result.next === null,
          next: result.next,
          generation: gen,
        }));
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, complete: true }));
        reportError(error);
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [reportError],
  );

  const ask = useCallback(
    (next: ListQuery) => {
      asked.current = { query: next, key: queryKey(next) };
      generation.current += 1;
      void fetchPage(next, null, generation.current);
    },
    [fetchPage],
  );

  // a query that reaches here without `ask` (filters, order, coming back to the page)
  useEffect(() => {
    if (asked.current?.key !== queryKey(query)) ask(query);
  }, [query, ask]);

  const reload = useCallback(() => {
    if (asked.current) ask(asked.current.query);
  }, [ask]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (busy.current || s.complete || s.loading || !s.next || s.generation !== generation.current) return;
    if (asked.current) void fetchPage(asked.current.query, s.next, generation.current);
  }, [fetchPage]);

  // the rows answer the query now asked (not one typed over since)
  const settled = state.generation === generation.current && !state.loading;
  return { ...state, settled, loadMore, reload, ask };
}
