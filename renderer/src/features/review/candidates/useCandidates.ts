import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import type {
  CANDIDATE_SORTS,
  ReviewCandidate,
  ReviewRuleKey,
  ReviewRun,
} from '../../../../../electron/core/review/shared/review.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';

export type CandidateSortField = (typeof CANDIDATE_SORTS)[number];
export type DecisionFilter = 'open' | 'decided' | 'all';

export interface CandidateQuery {
  rule: ReviewRuleKey | null;
  decision: DecisionFilter;
  sort: { field: CandidateSortField; order: 'asc' | 'desc' } | null;
  page: number;
  pageSize: number;
}

export const FIRST_QUERY: CandidateQuery = { rule: null, decision: 'open', sort: null, page: 1, pageSize: 50 };

interface State {
  /** null until the first answer */
  loaded: boolean;
  run: ReviewRun | null;
  items: ReviewCandidate[];
  total: number;
}

/** The candidates of a run (undefined = the current run), filtered, sorted and paged on the server. */
export function useCandidates(runId: number | undefined, query: CandidateQuery) {
  const reportError = useReportError();
  const [state, setState] = useState<State>({ loaded: false, run: null, items: [], total: 0 });
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const result: ChannelOutput<'review.candidates'> = await call('review.candidates', {
        runId,
        rule: query.rule ?? undefined,
        decision: query.decision,
        sort: query.sort ?? undefined,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      setState({ loaded: true, ...result });
    } catch (error) {
      reportError(error);
      setState((s) => ({ ...s, loaded: true }));
    } finally {
      setLoading(false);
    }
  }, [runId, query, reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  return { ...state, loading, reload: load };
}
