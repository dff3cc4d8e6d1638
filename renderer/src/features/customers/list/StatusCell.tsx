import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { formatMinute } from '../../../shared/format';
import { StatusTag } from '../../status/StatusTag';

/** Who changed the state, when, why, and the memo (the status cell's tooltip). */
function StatusFacts({ row }: { row: CustomerListRow }) {
  const { t } = useTranslation();
  const lines: [string, string | null][] = [
    ['by', row.statusChangedByName],
    ['at', formatMinute(row.statusChangedAt)],
    ['reason', row.statusReasonName],
    ['memo', row.statusMemo],
  ];
  return (
    <div>
      {lines
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>{t(`customers.statusTip.${k}`, { value: v })}</div>
        ))}
      {row.scheduledDeactivation && (
        <div>{t('customers.statusTip.scheduled', { date: row.scheduledDeactivation })}</div>
      )}
    </div>
  );
}

/** The list's 状态 cell: the state tag (tooltip: who / when / why / memo) and a planned deactivation. */
export function StatusCell({ row }: { row: CustomerListRow }) {
  const { t } = useTranslation();
  const hasFacts = !!(row.statusChangedAt || row.scheduledDeactivation);
  const content = (
    <Flex align="center" gap={4} style={{ minWidth: 0 }}>
      <StatusTag status={row.status} />
      {row.scheduledDeactivation && (
        <Typography.Text
          type="warning"
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
          aria-label={t('customers.statusTip.scheduled', { date: row.scheduledDeactivation })}
        >
          <ClockCircleOutlined aria-hidden /> {t('customers.list.scheduledMark')}
        </Typography.Text>
      )}
    </Flex>
  );
  if (!hasFacts) return content;
  return (
    <Tooltip title={<StatusFacts row={row} />} placement="topLeft">
      <span style={{ display: 'inline-block', maxWidth: '100%' }}>{content}</span>
    </Tooltip>
  );
}
