import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { formatMinute } from '../../../shared/format';
import { MONEY_CELL, moneyText } from './moneyText';

type Allocation = VoucherDetail['allocations'][number];
type Notice = VoucherDetail['notices'][number];
type FollowUp = VoucherDetail['followUps'][number];

function money(cents: number | null) {
  if (cents === null) return null;
  return <span style={MONEY_CELL}>{moneyText(cents)}</span>;
}

/** 核销记录: the payments and reversals that paid the voucher down (an undo is a row of its own). */
export function AllocationsTable({ items }: { items: Allocation[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Allocation> = [
    { key: 'at', title: t('settlement.voucher.records.at'), width: 150, render: (_, a) => formatMinute(a.at) },
    {
      key: 'from',
      title: t('settlement.voucher.records.from'),
      width: 170,
      render: (_, a) => a.paymentNo ?? a.creditVoucherNo ?? t('common.empty'),
    },
    {
      key: 'amount',
      title: t('settlement.voucher.records.amount'),
      width: 130,
      align: 'right',
      render: (_, a) => money(a.amountCents),
    },
    {
      key: 'state',
      title: t('settlement.voucher.records.state'),
      render: (_, a) => <AllocationState allocation={a} />,
    },
    {
      key: 'by',
      title: t('settlement.voucher.records.by'),
      width: 110,
      render: (_, a) => a.byName ?? t('common.empty'),
    },
  ];
  return (
    <Table<Allocation>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('settlement.voucher.records.noAllocations') }}
    />
  );
}

/** 通知发送记录: how and when the notice went out. */
export function NoticesTable({ items }: { items: Notice[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Notice> = [
    { key: 'at', title: t('settlement.voucher.records.at'), width: 150, render: (_, n) => formatMinute(n.at) },
    {
      key: 'channel',
      title: t('settlement.notice.channel'),
      width: 100,
      render: (_, n) => t(`settlement.notice.channels.${n.channel}`),
    },
    {
      key: 'memo',
      title: t('settlement.notice.memo'),
      ellipsis: { showTitle: true },
      render: (_, n) => n.memo ?? t('common.empty'),
    },
    {
      key: 'by',
      title: t('settlement.voucher.records.by'),
      width: 110,
      render: (_, n) => n.byName ?? t('common.empty'),
    },
  ];
  return (
    <Table<Notice>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('settlement.voucher.records.noNotices') }}
    />
  );
}

/** 跟进记录: what was said, and the payment promised. */
export function FollowUpsTable({ items }: { items: FollowUp[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FollowUp> = [
    { key: 'date', title: t('settlement.followUp.date'), dataIndex: 'date', width: 110 },
    {
      key: 'contact',
      title: t('settlement.followUp.contact'),
      width: 110,
      render: (_, f) => f.contact ?? t('common.empty'),
    },
    { key: 'note', title: t('settlement.followUp.note'), ellipsis: { showTitle: true }, dataIndex: 'note' },
    {
      key: 'promised',
      title: t('settlement.followUp.promised'),
      width: 200,
      render: (_, f) => <Promised followUp={f} />,
    },
    {
      key: 'by',
      title: t('settlement.voucher.records.by'),
      width: 110,
      render: (_, f) => f.createdByName ?? t('common.empty'),
    },
  ];
  return (
    <Table<FollowUp>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('settlement.voucher.records.noFollowUps') }}
    />
  );
}

function AllocationState({ allocation: a }: { allocation: Allocation }) {
  const { t } = useTranslation();
  if (a.undoes) return <Tag color="red">{t('settlement.voucher.records.undo', { reason: a.reason ?? '' })}</Tag>;
  if (a.undone) return <Tag>{t('settlement.voucher.records.undone')}</Tag>;
  return null;
}

function Promised({ followUp: f }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  if (!f.promisedDate) return t('common.empty');
  return (
    <Typography.Text style={{ whiteSpace: 'nowrap' }}>
      {f.promisedDate} {money(f.promisedCents)}
    </Typography.Text>
  );
}
