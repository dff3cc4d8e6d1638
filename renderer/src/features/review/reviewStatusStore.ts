import { create } from 'zustand';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import { call } from '../../api';

export type ReviewStatus = ChannelOutput<'review.status'>;

interface ReviewStatusState {
  status: ReviewStatus | null;
  /** asks the core whether a review is due (the sidebar badge) and which run is current */
  refresh(): Promise<ReviewStatus | null>;
  clear(): void;
}

/** only the answer to the latest request is kept (a run may finish while an older one is on its way) */
let latest = 0;

/** 停用审查 status, shared by the sidebar badge and the review page. */
export const useReviewStatus = create<ReviewStatusState>()((set) => ({
  status: null,
  refresh: async () => {
    const ticket = ++latest;
    try {
      const status = await call('review.status', {});
      if (ticket === latest) set({ status });
      return status;
    } catch {
      // the badge is a hint: without an answer it stays as it was
      return null;
    }
  },
  clear: () => {
    latest++;
    set({ status: null });
  },
}));
