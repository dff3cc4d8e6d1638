import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatusHistoryItem } from '../../../../electron/core/status/shared/status.contract';
import { formatDateTime } from '../../shared/format';
import { translateOr } from '../../shared/translate';
import { useCall } from '../../shared/useCall';
import { customerPaths } from '../../shared/customerPaths';
import { StatusTag } from './StatusTag';
import { openItemText } from './statusTexts';

/** The details of one change beyond reason and memo: effective date, merge, open items, review. */
function Details({ item }: { item: StatusHistoryItem }) {
  const { t } = useTranslation();
  const lines: React.ReactNode[] = [];
  if (item.effectiveDate) lines.push(t('status.history.effectiveDate', { date: item.effectiveDate }));
  if (item.mergedInto) {
    const target = item.mergedInto;
    lines.push(
      <>
        {t('status.history.mergedInto')}
        <Link to={customerPaths.detail(target.id)}>{`${target.code} ${target.name}`}</Link>
      </>,
    );
  }
  if (item.openItems.length) {
    lines.push(
      t('status.history.openItems', {
        items: item.openItems.map(openItemText).join(t('common.listSeparator')),
      }),
    );
  }
  if (item.reviewRunId) lines.push(t('status.history.review', { id: item.reviewRunId }));
  if (lines.length === 0) return t('common.empty');
  return (
    <Flex vertical gap={2}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never reordered
        <Typography.Text key={i}>{line}</Typography.Text>
      ))}
    </Flex>
  );
}

/** 正常 → 已停用 (one tag when the state stayed, e.g. a planned deactivation). */
function StatusChange({ from, to }: { from: string; to: string }) {
  if (from === to) return <StatusTag status={to} />;
  return (
    <Flex align="center" gap={4}>
      <StatusTag status={from} />
      <span aria-hidden>{'→'}</span>
      <StatusTag status={to} />
    </Flex>
  );
}

/** 状态记录: every 冻结 / 解冻 / 停用 / 启用 (and planned deactivation) of a customer, newest first. */
export function StatusHistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { data, loading } = useCall('customer.statusHistory', { id: customerId });
  const rows = data?.items ?? [];

  const empty = t('common.empty');
  return (
    <Table<StatusHistoryItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('status.history.empty') }}
      columns={[
        { key: 'at', title: t('status.history.at'), width: 160, render: (_, e) => formatDateTime(e.at) },
        { key: 'user', title: t('status.history.user'), width: 110, render: (_, e) => e.userName ?? empty },
        {
          key: 'action',
          title: t('status.history.action'),
          width: 100,
          render: (_, e) => translateOr('status.history.actions', e.action),
        },
        {
          key: 'change',
          title: t('status.history.change'),
          width: 170,
          render: (_, e) => <StatusChange from={e.fromStatus} to={e.toStatus} />,
        },
        {
          key: 'reason',
          title: t('status.history.reason'),
          width: 120,
          render: (_, e) => e.reasonName ?? empty,
        },
        { key: 'memo', title: t('status.history.memo'), render: (_, e) => e.memo ?? empty },
        {
          key: 'details',
          title: t('status.history.details'),
          width: 260,
          render: (_, e) => <Details item={e} />,
        },
      ]}
    />
  );
}
