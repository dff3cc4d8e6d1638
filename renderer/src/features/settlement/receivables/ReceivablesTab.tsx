import {
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Input,
  Select,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CUSTOMER_STATUSES } from '../../../../../electron/core/customers/shared/state.schema';
import { AGING_BUCKETS, type agingRowSchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { formatCents } from '../../../shared/money';
import { sizablePager } from '../../../shared/paging';
import { RefreshButton } from '../../../shared/RefreshButton';
import { useCall, usePaged } from '../../../shared/useCall';
import { useDebounced } from '../../../shared/useDebounced';
import { useUserOptionItems } from '../../customers/shared/useUserOptions';
import { useLookupOptions } from '../../lookups/lookupsStore';
import { StatusTag, statusText } from '../../status/StatusTag';
import { Money, moneyColumn } from '../payments/money';
import { useSettlementChanged } from '../shared/useSettlementChanged';
import { StatementPanel } from '../statement/StatementPanel';
import { agingBars, agingOption, CHART_BUCKETS } from './agingOption';

type AgingRow = z.infer<typeof agingRowSchema>;

// ECharts comes in a chunk of its own, when the chart first shows
const AgingChart = lazy(() => import('./AgingChart').then((m) => ({ default: m.AgingChart })));

/**
 * 应收账龄 as of a date (today unless picked; a past date ignores later payments): filters, the
 * buckets' totals as bars and in words (aging-summary), the table per customer with totals; a row
 * opens the customer's 对账单. The rows (settlement.aging, a page by customer code) come first;
 * the count, the totals and the chart (settlement.agingTotals, a pass over every customer) are
 * read beside them and show when they arrive, a skeleton meanwhile.
 */
export function ReceivablesTab() {
  const { t } = useTranslation();
  const r = (key: string, params?: Record<string, unknown>) => t(`settlement.receivables.${key}`, params);
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs());
  const [salespersonId, setSalespersonId] = useState<number | null>(null);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [status, setStatus] = useState<(typeof CUSTOMER_STATUSES)[number] | null>(null);
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<'code' | 'overdue'>('code');
  const [statementOf, setStatementOf] = useState<AgingRow['customer'] | null>(null);

  const filters = {
    asOf: asOf.format('YYYY-MM-DD'),
    salespersonId,
    categoryId,
    status,
    q: query || undefined,
    overdueOnly: overdueOnly || undefined,
  };
  const list = usePaged('settlement.aging', ({ page, pageSize }) => ({ ...filters, sort, page, pageSize }), {
    pageSize: 50,
  });
  const summary = useCall('settlement.agingTotals', filters);
  const { setPage } = list;
  const reloadList = list.reload;
  const reloadSummary = summary.reload;
  const reload = useCallback(
    () => Promise.all([reloadList(), reloadSummary()]).then(() => undefined),
    [reloadList, reloadSummary],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed filter or order starts again at page 1
  useEffect(() => setPage(1), [asOf, salespersonId, categoryId, status, query, overdueOnly, sort, setPage]);
  useSettlementChanged(reload);

  const salespeople = useUserOptionItems();
  const categories = useLookupOptions('category');
  // the totals of the filters shown (an older answer is not shown while the new one is read)
  const totals = summary.loading ? undefined : summary.data?.totals;
  // until the count arrives: the rows seen so far, and one more page when there is one
  const count =
    summary.loading || !summary.data
      ? (list.page - 1) * list.pageSize + list.items.length + (list.data?.hasMore ? 1 : 0)
      : summary.data.total;
  const bars = useMemo(
    () => (totals ? agingBars(totals, (b) => t(`settlement.receivables.buckets.${b}`)) : []),
    [totals, t],
  );
  const option = useMemo(
    () => agingOption(bars, t('settlement.receivables.chart.series'), (c) => formatCents(c) ?? ''),
    [bars, t],
  );

  const money = (key: string, title: string, cents: (row: AgingRow) => number | null, strong?: boolean) => ({
    key,
    title,
    ...moneyColumn,
    width: 100,
    render: (_: unknown, row: AgingRow) => <Money cents={cents(row)} strong={strong} muted={!cents(row)} />,
  });
  const columns: TableColumnsType<AgingRow> = [
    {
      key: 'customer',
      title: r('table.customer'),
      fixed: 'left',
      ellipsis: true,
      render: (_, row) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: row.customer.name }}>{row.customer.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {[row.customer.code, row.customer.salespersonName].filter(Boolean).join(' · ')}
            {row.customer.status !== 'active' && (
              <span style={{ marginInlineStart: 6 }}>
                <StatusTag status={row.customer.status} />
              </span>
            )}
          </Typography.Text>
        </Flex>
      ),
    },
    money('notDueCents', r('buckets.notDueCents'), (row) => row.notDueCents),
    {
      key: 'overdue',
      title: r('table.overdue'),
      onHeaderCell: () => ({ style: { textAlign: 'center' } }),
      children: AGING_BUCKETS.map((b) => money(b, r(`table.days.${b}`), (row) => row[b])),
    },
    money('open', r('table.open'), (row) => row.openCents, true),
    money('advance', r('table.advance'), (row) => row.advanceCents),
    money('limit', r('table.creditLimit'), (row) => row.creditLimitCents),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{r('asOf')}</Typography.Text>
        <DatePicker
          value={asOf}
          allowClear={false}
          onChange={(d) => d && setAsOf(d)}
          aria-label={r('asOf')}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          value={salespersonId}
          onChange={(v) => setSalespersonId(v ?? null)}
          options={salespeople}
          placeholder={r('filters.salesperson')}
          aria-label={r('filters.salesperson')}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          value={categoryId}
          onChange={(v) => setCategoryId(v ?? null)}
          options={categories}
          placeholder={r('filters.category')}
          aria-label={r('filters.category')}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: statusText(s) }))}
          placeholder={r('filters.status')}
          aria-label={r('filters.status')}
          style={{ width: 104 }}
        />
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={r('filters.search')}
          aria-label={r('filters.search')}
          style={{ width: 180 }}
        />
        <Select
          value={sort}
          onChange={setSort}
          options={(['code', 'overdue'] as const).map((s) => ({ value: s, label: r(`sort.${s}`) }))}
          aria-label={r(`sort.${sort}`)}
          style={{ width: 168 }}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {r('filters.overdueOnly')}
        </Checkbox>
        <RefreshButton onRefresh={() => void reload()} />
      </Flex>

      <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
        <Flex gap={16} align="stretch" wrap>
          <div style={{ flex: '1 1 560px', minWidth: 0 }}>
            {totals ? (
              <Suspense fallback={<Spin style={{ display: 'block', padding: 80 }} />}>
                <AgingChart option={option} />
              </Suspense>
            ) : (
              <Skeleton active title={false} paragraph={{ rows: 6 }} style={{ padding: '24px 16px', height: 240 }} />
            )}
          </div>
          <dl
            data-testid="aging-summary"
            style={{
              margin: 0,
              flex: '0 0 240px',
              display: 'grid',
              gridTemplateColumns: 'auto auto',
              rowGap: 6,
              columnGap: 16,
              alignContent: 'center',
            }}
          >
            {!totals && (
              <Skeleton active title={false} paragraph={{ rows: 6, width: '100%' }} style={{ gridColumn: '1 / -1' }} />
            )}
            {bars.map((b) => (
              <div key={b.bucket} data-bucket={b.bucket} data-cents={b.cents} style={{ display: 'contents' }}>
                <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{b.label}</dt>
                <dd style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  {formatCents(b.cents)}
                </dd>
              </div>
            ))}
            {totals && (
              <div data-bucket="open" data-cents={totals.openCents} style={{ display: 'contents' }}>
                <dt style={{ fontWeight: 600 }}>{r('table.open')}</dt>
                <dd style={{ margin: 0, textAlign: 'right', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                  {formatCents(totals.openCents)}
                </dd>
              </div>
            )}
          </dl>
        </Flex>
      </Card>

      <Table<AgingRow>
        rowKey={(row) => row.customer.id}
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        size="small"
        scroll={{ x: 960 }}
        pagination={{ ...list.pagination, total: count, ...sizablePager(t, [20, 50, 100]) }}
        onChange={list.onTableChange}
        onRow={(row) => ({ onClick: () => setStatementOf(row.customer), style: { cursor: 'pointer' } })}
        locale={{ emptyText: r('empty') }}
        summary={() =>
          list.items.length > 0 && (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{r('table.totals')}</Table.Summary.Cell>
                {totals ? (
                  <>
                    {CHART_BUCKETS.map((b, i) => (
                      <Table.Summary.Cell key={b} index={1 + i} align="right">
                        <Money cents={totals[b]} strong />
                      </Table.Summary.Cell>
                    ))}
                    <Table.Summary.Cell index={6} align="right">
                      <Money cents={totals.openCents} strong />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      <Money cents={totals.advanceCents} strong />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={8} />
                  </>
                ) : (
                  <Table.Summary.Cell index={1} colSpan={8}>
                    <Skeleton.Input active size="small" block data-testid="aging-totals-loading" />
                  </Table.Summary.Cell>
                )}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
      <Drawer
        open={statementOf !== null}
        onClose={() => setStatementOf(null)}
        size={980}
        title={statementOf ? r('statementOf', { name: `${statementOf.code} ${statementOf.name}` }) : ''}
        destroyOnHidden
      >
        {statementOf && <StatementPanel customerId={statementOf.id} to={asOf.format('YYYY-MM-DD')} />}
      </Drawer>
    </Flex>
  );
}
