import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRun } from '../../../../electron/core/review/shared/review.contract';
import { call } from '../../api';
import { useAction } from '../../shared/useCall';
import { useReviewStatus } from './reviewStatusStore';
import { openCount } from './runCounts';

/**
 * 开始审查: runs the rules over all customers. A new run replaces the current one, so when the
 * current run still has open candidates the user confirms first.
 */
export function useStartReview(onStarted: (run: ReviewRun) => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { busy: starting, run: runAction } = useAction();

  const run = async () => {
    await runAction(async () => {
      const started = await call('review.start', {});
      void message.success(t('review.start.done', { count: started.candidateCount }));
      onStarted(started);
    });
    void useReviewStatus.getState().refresh();
  };

  const start = (current: ReviewRun | null) => {
    const open = current?.open ? openCount(current) : 0;
    if (open === 0) {
      void run();
      return;
    }
    modal.confirm({
      title: t('review.start.confirmTitle'),
      content: t('review.start.confirmText', { count: open }),
      okText: t('review.start.button'),
      cancelText: t('common.cancel'),
      onOk: () => run(),
    });
  };

  return { starting, start };
}
