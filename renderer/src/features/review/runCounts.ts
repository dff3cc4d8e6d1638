import type { ReviewRun } from '../../../../electron/core/review/shared/review.contract';

/** Candidates of a run still without a decision. */
export function openCount(run: ReviewRun): number {
  return Math.max(0, run.candidateCount - run.deactivated - run.scheduled - run.frozen - run.kept);
}
