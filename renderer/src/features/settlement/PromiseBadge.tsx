import { Badge, Flex } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { call } from '../../api';
import { useSettlementChanged } from './shared/useSettlementChanged';

/**
 * The menu text of 结算 with the count of payment promises due today and overdue. Read at sign-in,
 * whenever the user moves to another section, and when a voucher or payment changed (the core's
 * event). No timer: a call counts as activity and would keep an idle session alive.
 */
export function PromiseBadge({ label }: { label: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const section = location.pathname.split('/')[1] ?? '';
  const [due, setDue] = useState<{ today: number; overdue: number } | null>(null);
  const [changes, setChanges] = useState(0);

  const changed = useCallback(() => setChanges((n) => n + 1), []);
  useSettlementChanged(changed);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again for each section visited and each change
  useEffect(() => {
    let live = true;
    call('settlement.promises', { page: 1, pageSize: 1 })
      .then((r) => live && setDue({ today: r.dueToday, overdue: r.overdue }))
      .catch(() => live && setDue(null));
    return () => {
      live = false;
    };
  }, [section, changes]);

  const count = due ? due.today + due.overdue : 0;
  if (!due || !count) return label;
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <span>{label}</span>
      <Badge
        count={count}
        size="small"
        title={t('settlement.page.badgeTitle', { today: due.today, overdue: due.overdue })}
        data-testid="promise-badge"
      />
    </Flex>
  );
}
