import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  VOUCHER_STATUSES,
  type VoucherStatus,
  type VoucherSummary,
} from '../../../../../electron/core/settlement/shared/settlement.contract';
import { pagedTable } from '../../../shared/paging';
import { usePaged } from '../../../shared/useCall';
import { useDebounced } from '../../../shared/useDebounced';
import { hasPermission, useSession } from '../../../stores/session';
import { settlementPaths } from '../settlementPaths';
import { useSettlementChanged } from '../shared/useSettlementChanged';
import { MONEY_CELL, moneyText } from './moneyText';
import { VoucherStatusTag } from './VoucherStatusTag';

/** 凭证: the vouchers with their filters; a row opens the voucher; 新建凭证. */
export function VouchersTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const canCreate = hasPermission(user, 'settlement.create');
  const canApprove = hasPermission(user, 'settlement.approve');
  const [q, setQ] = useState('');
  const [statuses, setStatuses] = useState<VoucherStatus[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [awaitingMe, setAwaitingMe] = useState(false);
  const search = useDebounced(q.trim(), 250);

  const list = usePaged(
    'settlement.vouchers',
    ({ page, pageSize }) => ({
      q: search || undefined,
      status: statuses.length ? statuses : undefined,
      dateFrom: range?.[0]?.format('YYYY-MM-DD'),
      dateTo: range?.[1]?.format('YYYY-MM-DD'),
      overdueOnly: overdueOnly || undefined,
      awaitingMe: awaitingMe || undefined,
      page,
      pageSize,
    }),
    { pageSize: 20 },
  );

  // a voucher changed (here or elsewhere): the page shown is read again
  const { reload } = list;
  useSettlementChanged(reload);

  const columns: TableColumnsType<VoucherSummary> = [
    {
      key: 'no',
      title: t('settlement.vouchers.no'),
      width: 180,
      render: (_, row) => (
        <Flex vertical gap={0}>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0, alignSelf: 'start' }}
            onClick={() => navigate(settlementPaths.voucher(row.id))}
          >
            {row.no}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {[t(`settlement.evidence.${row.evidenceType}`), row.evidenceRef].filter(Boolean).join(' ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'customer',
      title: t('settlement.vouchers.customer'),
      minWidth: 200,
      ellipsis: { showTitle: true },
      render: (_, row) => `${row.customer.code} ${row.customer.name}`,
    },
    { key: 'date', title: t('settlement.vouchers.date'), dataIndex: 'date', width: 110 },
    {
      key: 'dueDate',
      title: t('settlement.vouchers.dueDate'),
      width: 130,
      render: (_, row) => (
        <Flex vertical gap={0}>
          <span>{row.dueDate}</span>
          {row.daysOverdue > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('settlement.vouchers.overdueDays', { count: row.daysOverdue })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'total',
      title: t('settlement.vouchers.total'),
      width: 130,
      align: 'right',
      render: (_, row) => <span style={MONEY_CELL}>{moneyText(row.totalCents)}</span>,
    },
    {
      key: 'open',
      title: t('settlement.vouchers.open'),
      width: 130,
      align: 'right',
      render: (_, row) => <span style={MONEY_CELL}>{moneyText(row.openCents)}</span>,
    },
    {
      key: 'status',
      title: t('settlement.vouchers.status'),
      width: 150,
      render: (_, row) => (
        <Flex gap={4} wrap>
          <VoucherStatusTag status={row.status} />
          {row.kind === 'reversal' && <Tag color="red">{t('settlement.voucher.reversalTag')}</Tag>}
          {row.invoiced && <Tag color="cyan">{t('settlement.voucher.invoicedTag')}</Tag>}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              list.setPage(1);
            }}
            placeholder={t('settlement.vouchers.searchPlaceholder')}
            aria-label={t('settlement.vouchers.searchPlaceholder')}
            style={{ width: 260 }}
          />
          <Select<VoucherStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={statuses}
            onChange={(v) => {
              setStatuses(v);
              list.setPage(1);
            }}
            placeholder={t('settlement.vouchers.statusFilter')}
            aria-label={t('settlement.vouchers.statusFilter')}
            style={{ width: 200 }}
            options={VOUCHER_STATUSES.map((s) => ({ value: s, label: t(`settlement.status.${s}`) }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v);
              list.setPage(1);
            }}
            placeholder={[t('settlement.vouchers.dateFrom'), t('settlement.vouchers.dateTo')]}
            style={{ width: 250 }}
          />
          <Checkbox
            checked={overdueOnly}
            onChange={(e) => {
              setOverdueOnly(e.target.checked);
              list.setPage(1);
            }}
          >
            {t('settlement.vouchers.overdueOnly')}
          </Checkbox>
          {canApprove && (
            <Checkbox
              checked={awaitingMe}
              onChange={(e) => {
                setAwaitingMe(e.target.checked);
                list.setPage(1);
              }}
            >
              {t('settlement.vouchers.awaitingMe')}
            </Checkbox>
          )}
        </Flex>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate(settlementPaths.newVoucher)}
          >
            {t('settlement.vouchers.add')}
          </Button>
        )}
      </Flex>
      <Table<VoucherSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        {...pagedTable(list, t)}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('settlement.vouchers.empty') }}
      />
    </>
  );
}
