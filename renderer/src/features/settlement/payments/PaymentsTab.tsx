import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { paymentSummarySchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { pagedTable } from '../../../shared/paging';
import { RefreshButton } from '../../../shared/RefreshButton';
import { usePaged } from '../../../shared/useCall';
import { useDebounced } from '../../../shared/useDebounced';
import { hasPermission, useSession } from '../../../stores/session';
import { useSettlementChanged } from '../shared/useSettlementChanged';
import { Money, moneyColumn } from './money';
import { PaymentDialog } from './PaymentDialog';
import { PaymentDrawer } from './PaymentDrawer';

type Payment = z.infer<typeof paymentSummarySchema>;

/** 收款: the payments (newest first), filters, 新增收款; a row opens its detail (allocations, 反核销, 作废, 核销). */
export function PaymentsTab({ customerId }: { customerId?: number } = {}) {
  const { t } = useTranslation();
  const p = (key: string, params?: Record<string, unknown>) => t(`settlement.payments.${key}`, params);
  const canCollect = hasPermission(
    useSession((s) => s.user),
    'settlement.collect',
  );
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [withAdvance, setWithAdvance] = useState(false);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number | null>(null);

  const list = usePaged(
    'settlement.payments',
    ({ page, pageSize }) => ({
      customerId,
      q: query || undefined,
      dateFrom: range?.[0]?.format('YYYY-MM-DD'),
      dateTo: range?.[1]?.format('YYYY-MM-DD'),
      withAdvance: withAdvance || undefined,
      page,
      pageSize,
    }),
    { pageSize: 50 },
  );
  const { reload, setPage } = list;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed filter starts again at page 1
  useEffect(() => setPage(1), [query, range, withAdvance, setPage]);
  useSettlementChanged(reload);

  const columns: TableColumnsType<Payment> = [
    { key: 'no', title: p('list.no'), dataIndex: 'no', width: 136 },
    {
      key: 'customer',
      title: p('fields.customer'),
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
    { key: 'date', title: p('fields.date'), dataIndex: 'date', width: 96 },
    {
      key: 'amount',
      title: p('fields.amount'),
      ...moneyColumn,
      width: 104,
      render: (_, r) => <Money cents={r.amountCents} />,
    },
    {
      key: 'allocated',
      title: p('list.allocated'),
      ...moneyColumn,
      width: 104,
      render: (_, r) => <Money cents={r.allocatedCents} />,
    },
    {
      key: 'advance',
      title: p('list.advance'),
      ...moneyColumn,
      width: 104,
      render: (_, r) => <Money cents={r.unallocatedCents} />,
    },
    {
      key: 'method',
      title: p('fields.method'),
      width: 84,
      ellipsis: true,
      render: (_, r) => r.methodName ?? t('common.empty'),
    },
    {
      key: 'reference',
      title: p('fields.reference'),
      width: 110,
      ellipsis: true,
      render: (_, r) => r.reference ?? t('common.empty'),
    },
    {
      key: 'voided',
      title: p('list.state'),
      width: 72,
      render: (_, r) => <Tag color={r.voided ? 'red' : 'green'}>{p(r.voided ? 'list.voided' : 'list.valid')}</Tag>,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={p('list.search')}
            aria-label={p('list.search')}
            style={{ width: 260 }}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            placeholder={[p('list.dateFrom'), p('list.dateTo')]}
            style={{ width: 260 }}
          />
          <Checkbox checked={withAdvance} onChange={(e) => setWithAdvance(e.target.checked)}>
            {p('list.withAdvance')}
          </Checkbox>
          <Typography.Text type="secondary" aria-live="polite">
            {t('common.total', { total: list.total })}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          {canCollect && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {p('list.add')}
            </Button>
          )}
          <RefreshButton onRefresh={() => void reload()} />
        </Flex>
      </Flex>
      <Table<Payment>
        rowKey="id"
        size="middle"
        columns={columns}
        {...pagedTable(list, t)}
        scroll={{ x: 960 }}
        onRow={(r) => ({ onClick: () => setShown(r.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: p('list.empty') }}
      />
      {canCollect && (
        <PaymentDialog
          open={creating}
          customerId={customerId}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            void reload();
            setShown(id);
          }}
        />
      )}
      <PaymentDrawer paymentId={shown} onClose={() => setShown(null)} onChanged={() => void reload()} />
    </Flex>
  );
}
