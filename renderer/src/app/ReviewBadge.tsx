import { Badge, Flex } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useReviewStatus } from '../features/review/reviewStatusStore';

/**
 * Keeps the 停用审查 status fresh while the user may see the entry: at sign-in and whenever the
 * user moves to another section (so also to and from the review page). No timer: a call counts
 * as activity and would keep an idle session alive.
 */
export function useReviewStatusRefresh(enabled: boolean, userId: number | undefined) {
  const location = useLocation();
  const section = location.pathname.split('/')[1] ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again for each user and each section visited
  useEffect(() => {
    if (!enabled) {
      useReviewStatus.getState().clear();
      return;
    }
    void useReviewStatus.getState().refresh();
  }, [enabled, userId, section]);
}

/** The menu text of 停用审查, with a 待审查 badge when a review is due. */
export function ReviewMenuLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const due = useReviewStatus((s) => s.status?.due ?? false);
  if (!due) return label;
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <span>{label}</span>
      <Badge count={t('review.badge.due')} size="small" title={t('review.badge.dueTitle')} />
    </Flex>
  );
}
