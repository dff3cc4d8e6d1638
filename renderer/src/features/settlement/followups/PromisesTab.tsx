import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { pagedTable } from '../../../shared/paging';
import { RefreshButton } from '../../../shared/RefreshButton';
import { usePaged } from '../../../shared/useCall';
import { Money, moneyColumn } from '../payments/money';
import { settlementPaths } from '../settlementPaths';
import { useSettlementChanged } from '../shared/useSettlementChanged';

type Promise_ = ChannelOutput<'settlement.promises'>['items'][number];

/** 跟进: payments promised for today or earlier on vouchers still open, overdue ones first. */
export function PromisesTab() {
  const { t } = useTranslation();
  const x = (key: string, params?: Record<string, unknown>) => t(`settlement.promises.${key}`, params);
  const list = usePaged('settlement.promises', ({ page, pageSize }) => ({ page, pageSize }), { pageSize: 50 });
  const { reload } = list;
  useSettlementChanged(reload);

  const columns: TableColumnsType<Promise_> = [
    {
      key: 'voucher',
      title: x('voucher'),
      width: 150,
      render: (_, r) => <Link to={settlementPaths.voucher(r.voucherId)}>{r.voucherNo}</Link>,
    },
    {
      key: 'customer',
      title: x('customer'),
      ellipsis: true,
      render: (_, r) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: r.customer.name }}>{r.customer.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.customer.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'promisedDate',
      title: x('promisedDate'),
      width: 176,
      render: (_, r) => (
        <Flex gap={6} align="center">
          <span style={{ whiteSpace: 'nowrap' }}>{r.promisedDate}</span>
          {r.overdue ? <Tag color="red">{x('overdueTag')}</Tag> : <Tag color="orange">{x('todayTag')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'promised',
      title: x('promisedAmount'),
      ...moneyColumn,
      render: (_, r) => <Money cents={r.promisedCents} />,
    },
    { key: 'open', title: x('open'), ...moneyColumn, render: (_, r) => <Money cents={r.openCents} strong /> },
    {
      key: 'contact',
      title: x('contact'),
      width: 100,
      ellipsis: true,
      render: (_, r) => r.contact ?? t('common.empty'),
    },
    { key: 'note', title: x('note'), ellipsis: { showTitle: true }, dataIndex: 'note' },
    { key: 'date', title: x('date'), width: 104, dataIndex: 'date' },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Flex gap={16} aria-live="polite">
          <Typography.Text>{x('dueToday', { n: list.data?.dueToday ?? 0 })}</Typography.Text>
          <Typography.Text type={list.data?.overdue ? 'danger' : undefined}>
            {x('overdue', { n: list.data?.overdue ?? 0 })}
          </Typography.Text>
        </Flex>
        <RefreshButton onRefresh={() => void reload()} />
      </Flex>
      <Table<Promise_>
        rowKey="id"
        size="middle"
        columns={columns}
        {...pagedTable(list, t)}
        locale={{ emptyText: x('empty') }}
      />
    </Flex>
  );
}
