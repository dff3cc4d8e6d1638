import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import { useCall } from '../../shared/useCall';

export type ReviewSettingsState = ChannelOutput<'review.getSettings'>;

/** The review rules, keep period and schedule, with which rules are available. */
export function useReviewSettings() {
  const { data, setData, reload } = useCall('review.getSettings', {});
  return { state: data ?? null, setState: setData, reload };
}
