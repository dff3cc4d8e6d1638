import {
  DownloadOutlined,
  PlusOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SearchOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Input, Space, Table, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { type CSSProperties, type HTMLAttributes, type Key, type UIEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { hasPermission, useSession } from '../../../stores/session';
import { BulkStatusActions } from '../../status/BulkStatusActions';
import { useCustomerExport } from '../exportAction';
import { customerPaths } from '../../../shared/customerPaths';
import { ColumnChooser } from './ColumnChooser';
import { CustomerFilters } from './CustomerFilters';
import { type ColumnKey, readColumns, saveColumns } from './columnPrefs';
import { columnsWidth, listColumns, sortFieldOf } from './listColumns';
import { cleanFilters, useListQuery } from './listQuery';
import { useCustomerSearch } from './useCustomerSearch';
import { useFillHeight } from './useFillHeight';

const SEARCH_DELAY_MS = 200;
/** load the next page when the last rows come this close (px) */
const LOAD_AHEAD_PX = 600;
const ROW_HEIGHT = 39;

/** 客户: one search box, filters, chosen columns; rows load page by page as the user scrolls. */
export function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const onExport = useCustomerExport();
  const { q, filters, sort, setQ, setFilters, setSort, reset } = useListQuery();
  const [text, setText] = useState(q);
  const [columns, setColumns] = useState<ColumnKey[]>(readColumns);
  const [selected, setSelected] = useState<Key[]>([]);
  /** the selected rows as last seen (selection survives new searches) */
  const [selectedRows, setSelectedRows] = useState<Map<number, CustomerListRow>>(new Map());
  const tableBox = useRef<HTMLDivElement>(null);
  const height = useFillHeight(tableBox, 56);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setQ]);

  const query = useMemo(() => ({ q, filters, sort }), [q, filters, sort]);
  const search = useCustomerSearch(query);

  const tableColumns = useMemo(() => listColumns(columns, sort, t), [columns, sort, t]);
  const can = (permission: string) => hasPermission(user, permission);
  const chooseColumns = (keys: ColumnKey[]) => {
    setColumns(keys);
    saveColumns(keys);
  };

  const onScroll = (event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD_PX) search.loadMore();
  };

  const totalText = search.totalCapped
    ? t('customers.list.totalCapped', { total: search.total })
    : t('common.total', { total: search.total });
  const selectedIds = selected.map(Number);
  const onSelect = (keys: Key[], rows: (CustomerListRow | undefined)[]) => {
    setSelected(keys);
    setSelectedRows((prev) => {
      const next = new Map<number, CustomerListRow>();
      for (const key of keys) {
        const id = Number(key);
        const row = rows.find((r) => r?.id === id) ?? search.rows.find((r) => r.id === id) ?? prev.get(id);
        if (row) next.set(id, row);
      }
      return next;
    });
  };

  return (
    <Card styles={{ body: { padding: '16px 20px 12px' } }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('customers.list.title')}
          </Typography.Title>
          <Typography.Text type="secondary" aria-live="polite">
            {totalText}
          </Typography.Text>
        </Flex>
        <Space wrap size={8}>
          {can('customer.create') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(customerPaths.create)}>
              {t('customers.list.add')}
            </Button>
          )}
          {can('customer.import') && (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate(customerPaths.import)}>
              {t('customers.list.import')}
            </Button>
          )}
          {can('customer.export') && (
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() => onExport({ q: q.trim() || undefined, filters: cleanFilters(filters) })}
            >
              {t('customers.list.export')}
            </Button>
          )}
          <Tooltip title={selected.length ? undefined : t('customers.list.selectToPrint')}>
            <Button
              icon={<PrinterOutlined aria-hidden />}
              disabled={selected.length === 0}
              onClick={() => navigate(customerPaths.labels(selectedIds))}
            >
              {selected.length
                ? t('customers.list.printLabelsCount', { count: selected.length })
                : t('customers.list.printLabels')}
            </Button>
          </Tooltip>
          <BulkStatusActions
            rows={selectedIds.map((id) => selectedRows.get(id)).filter((r) => r !== undefined)}
            onDone={() => {
              onSelect([], []);
              search.reload();
            }}
          />
          {can('lookup.manage') && (
            <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => navigate(customerPaths.lists)}>
              {t('customers.list.lists')}
            </Button>
          )}
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('common.refresh')} onClick={search.reload} />
          </Tooltip>
          <ColumnChooser value={columns} onChange={chooseColumns} />
        </Space>
      </Flex>

      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Input
          allowClear
          autoFocus
          role="searchbox"
          aria-label={t('customers.list.search')}
          placeholder={t('customers.list.searchPlaceholder')}
          prefix={<SearchOutlined aria-hidden />}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => {
            // Enter searches at once; pressed again on a single match, it opens that customer
            if (text === q && !search.loading && search.rows.length === 1)
              navigate(customerPaths.detail(search.rows[0].id));
            else setQ(text);
          }}
          style={{ width: 400, maxWidth: '100%' }}
        />
        <CustomerFilters
          filters={filters}
          onFilters={setFilters}
          sort={sort}
          onSort={setSort}
          onReset={() => {
            setText('');
            reset();
          }}
        />
      </Flex>

      <div
        ref={tableBox}
        className="kh-customer-table"
        // the body keeps this height with 0, 1 or many rows: the table fills the page and its
        // horizontal scrollbar sits below the rows, never over them (customers.css)
        style={{ '--kh-body-height': `${height - ROW_HEIGHT}px` } as CSSProperties}
      >
        <Table<CustomerListRow>
          virtual
          size="small"
          rowKey="id"
          columns={tableColumns}
          dataSource={search.rows}
          loading={search.loading && search.rows.length === 0}
          pagination={false}
          scroll={{ x: columnsWidth(columns) + 48, y: height - ROW_HEIGHT }}
          onScroll={onScroll}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: onSelect,
            preserveSelectedRowKeys: true,
            columnWidth: 48,
            fixed: true,
            // antd names these checkboxes in English ("Select row 3"): name them for the customer
            getTitleCheckboxProps: () => ({ 'aria-label': t('common.selectAll') }),
            getCheckboxProps: (row) => ({ 'aria-label': t('common.selectRow', { label: `${row.code} ${row.name}` }) }),
          }}
          onChange={(_p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CustomerListRow>;
            const field = sortFieldOf(s.columnKey as string | undefined);
            setSort(field && s.order ? { field, order: s.order === 'ascend' ? 'asc' : 'desc' } : null);
          }}
          onRow={(row) =>
            ({
              role: 'row',
              'aria-label': `${row.code} ${row.name}`,
              style: { cursor: 'pointer' },
              onClick: (event: React.MouseEvent<HTMLElement>) => {
                const target = event.target as HTMLElement;
                if (target.closest('.ant-table-selection-column, .ant-checkbox-wrapper')) return;
                navigate(customerPaths.detail(row.id));
              },
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: search.loading ? ' ' : t('customers.list.empty') }}
        />
        <Flex justify="space-between" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {search.rows.length > 0 && !search.complete && t('customers.list.loaded', { count: search.rows.length })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {search.loading && search.rows.length > 0 && t('app.loading')}
          </Typography.Text>
        </Flex>
      </div>
    </Card>
  );
}
