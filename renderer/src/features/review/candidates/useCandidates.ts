import type {
  CANDIDATE_SORTS,
  ReviewCandidate,
  ReviewRuleKey,
} from '../../../../../electron/core/review/shared/review.contract';
import { paging } from '../../../shared/paging';
import { useCall } from '../../../shared/useCall';

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

/** The candidates of a run (undefined = the current run), filtered, sorted and paged on the server. */
export function useCandidates(runId: number | undefined, query: CandidateQuery) {
  const { offset, limit } = paging(query.page, query.pageSize);
  const { data, loading, failed, reload } = useCall('review.candidates', {
    runId,
    rule: query.rule ?? undefined,
    decision: query.decision,
    sort: query.sort ?? undefined,
    offset,
    limit,
  });
  return {
    /** false until the first answer (or failure) */
    loaded: data !== undefined || failed,
    run: data?.run ?? null,
    items: data?.items ?? ([] as ReviewCandidate[]),
    total: data?.total ?? 0,
    loading,
    reload,
  };
}
