import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';

export type ReviewSettingsState = ChannelOutput<'review.getSettings'>;

/** The review rules, keep period and schedule, with which rules are available. */
export function useReviewSettings() {
  const reportError = useReportError();
  const [state, setState] = useState<ReviewSettingsState | null>(null);

  const load = useCallback(async () => {
    try {
      setState(await call('review.getSettings', {}));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, setState, reload: load };
}
