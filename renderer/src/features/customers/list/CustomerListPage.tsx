import {
  DownloadOutlined,
  PlusOutlined,
  PrinterOutlined,
  ReloadOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { hasPermission, useSession } from '../../../stores/session';
import { BulkStatusActions } from '../../status/BulkStatusActions';
import { StocktakeFromSelection } from '../../stocktake/list/StocktakeFromSelection';
import { useCustomerExport } from '../exportAction';
import { customerPaths } from '../../../shared/customerPaths';
import { ColumnChooser } from './ColumnChooser';
import { CustomerFilters } from './CustomerFilters';
import { type ColumnKey, readColumns, saveColumns } from './columnPrefs';
import { CustomerTable } from './CustomerTable';
import { listColumns, nextSort } from './listColumns';
import { cleanFilters, type SortField, useListQuery } from './listQuery';
import { SearchBox } from './SearchBox';
import { useCustomerSearch } from './useCustomerSearch';
import { useFillHeight } from './useFillHeight';
import './list.css';

// the filters redraw only when theirs change (not on each keystroke in the box)
const Filters = memo(CustomerFilters);

/** 客户: one search box, filters, chosen columns; rows load page by page as the user scrolls. */
export function CustomerListPage() {
  // the card stays out of the list's redraws (each keystroke and answer redraws ListContent)
  return (
    <Card styles={{ body: { padding: '16px 20px 12px' } }}>
      <ListContent />
    </Card>
  );
}

function ListContent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onExport = useCustomerExport();
  const { q, filters, sort, setQ, setFilters, setSort, reset } = useListQuery();
  const [columns, setColumns] = useState<ColumnKey[]>(readColumns);
  /** the selected customers as last seen (the selection survives new searches) */
  const [selectedRows, setSelectedRows] = useState<Map<number, CustomerListRow>>(new Map());
  const tableBox = useRef<HTMLDivElement>(null);
  const height = useFillHeight(tableBox, 56);

  const query = useMemo(() => ({ q, filters, sort }), [q, filters, sort]);
  const search = useCustomerSearch(query);

  const tableColumns = useMemo(() => listColumns(columns, t), [columns, t]);
  const chooseColumns = useCallback((keys: ColumnKey[]) => {
    setColumns(keys);
    saveColumns(keys);
  }, []);
  const clearSelection = useCallback(() => setSelectedRows(new Map()), []);

  const totalText = search.totalCapped
    ? t('customers.list.totalCapped', { total: search.total })
    : t('common.total', { total: search.total });
  const selected = useMemo(() => new Set(selectedRows.keys()), [selectedRows]);
  const onSelect = useCallback((row: CustomerListRow, checked: boolean) => {
    setSelectedRows((prev) => {
      const next = new Map(prev);
      if (checked) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  }, []);
  const rows = search.rows;
  const onSelectAll = useCallback(
    (checked: boolean) => {
      setSelectedRows((prev) => {
        const next = new Map(prev);
        for (const row of rows) {
          if (checked) next.set(row.id, row);
          else next.delete(row.id);
        }
        return next;
      });
    },
    [rows],
  );
  const onOpen = useCallback((id: number) => navigate(customerPaths.detail(id)), [navigate]);
  const onSortColumn = useCallback((field: SortField) => setSort(nextSort(sort, field)), [sort, setSort]);
  const onResetFilters = useCallback(() => reset(), [reset]);
  // the typed text is asked for at once (before React draws it), then becomes the list's query
  const ask = search.ask;
  const onSearch = useCallback(
    (text: string) => {
      const { filters: f, sort: s } = useListQuery.getState();
      ask({ q: text, filters: f, sort: s });
      setQ(text);
    },
    [ask, setQ],
  );
  // Enter searches at once; pressed again on a single match, it opens that customer
  const latest = useRef({ q, search, filters });
  latest.current = { q, search, filters };
  const exportList = useCallback(() => {
    const { q: text, filters: f } = latest.current;
    onExport({ q: text.trim() || undefined, filters: cleanFilters(f) });
  }, [onExport]);
  const onEnter = useCallback(
    (text: string) => {
      const { q: asked, search: s } = latest.current;
      if (text === asked && s.settled && s.rows.length === 1) navigate(customerPaths.detail(s.rows[0].id));
    },
    [navigate],
  );

  return (
    <>
      <ListHeader
        totalText={totalText}
        selectedRows={selectedRows}
        onClearSelection={clearSelection}
        onReload={search.reload}
        columns={columns}
        onColumns={chooseColumns}
        onExport={exportList}
      />

      <div className="kh-list-search">
        <SearchBox value={q} onSearch={onSearch} onEnter={onEnter} />
        <Filters filters={filters} onFilters={setFilters} sort={sort} onSort={setSort} onReset={onResetFilters} />
      </div>

      <div ref={tableBox} className="kh-customer-table">
        <CustomerTable
          rows={rows}
          columns={tableColumns}
          height={height}
          sort={sort}
          onSort={onSortColumn}
          selected={selected}
          onSelect={onSelect}
          onSelectAll={onSelectAll}
          onOpen={onOpen}
          onNeedMore={search.loadMore}
          loading={search.loading && rows.length === 0}
          resetKey={search.generation}
        />
        <ListFooter
          loaded={rows.length > 0 && !search.complete ? t('customers.list.loaded', { count: rows.length }) : ''}
          loading={search.loading && rows.length > 0 ? t('app.loading') : ''}
        />
      </div>
    </>
  );
}

/** The title and the number of matches (redrawn when the number changes, not per keystroke). */
const ListHeader = memo(function ListHeader({ totalText, ...toolbar }: ToolbarProps & { totalText: string }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <Flex align="baseline" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customers.list.title')}
        </Typography.Title>
        <Typography.Text type="secondary" aria-live="polite">
          {totalText}
        </Typography.Text>
      </Flex>
      <ListToolbar {...toolbar} />
    </Flex>
  );
});

/** Below the rows: how many are loaded, and a page on its way. */
const ListFooter = memo(function ListFooter({ loaded, loading }: { loaded: string; loading: string }) {
  return (
    <Flex justify="space-between" style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{loaded}</Typography.Text>
      <Typography.Text type="secondary">{loading}</Typography.Text>
    </Flex>
  );
});

interface ToolbarProps {
  selectedRows: Map<number, CustomerListRow>;
  onClearSelection: () => void;
  onReload: () => void;
  columns: ColumnKey[];
  onColumns: (keys: ColumnKey[]) => void;
  onExport: () => void;
}

/**
 * The list's buttons (memoised: typing in the box does not redraw them). With customers ticked
 * the toolbar turns to them: how many, 取消选择, and what can be done to them (all of it fits on
 * one line at 1280 px, and the rows below do not move as the first box is ticked).
 */
const ListToolbar = memo(function ListToolbar({
  selectedRows,
  onClearSelection,
  onReload,
  columns,
  onColumns,
  onExport,
}: ToolbarProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const can = (permission: string) => hasPermission(user, permission);
  const selectedIds = [...selectedRows.keys()];
  const ticked = selectedIds.length > 0;
  return (
    <Space wrap size={8} className="kh-list-toolbar">
      {ticked ? (
        <>
          <Typography.Text strong aria-live="polite">
            {t('customers.list.selectedCount', { count: selectedIds.length })}
          </Typography.Text>
          <Button type="link" style={{ paddingInline: 4 }} onClick={onClearSelection}>
            {t('customers.list.clearSelection')}
          </Button>
          {/* the actions on the ticked customers go without icons, as 冻结 and 停用 do: one line at 1280 px */}
          <Button onClick={() => navigate(customerPaths.labels(selectedIds))}>
            {t('customers.list.printLabelsCount', { count: selectedIds.length })}
          </Button>
          <StocktakeFromSelection ids={selectedIds} />
          <BulkStatusActions
            rows={[...selectedRows.values()]}
            onDone={() => {
              onClearSelection();
              onReload();
            }}
          />
        </>
      ) : (
        <>
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
            <Button icon={<DownloadOutlined aria-hidden />} onClick={onExport}>
              {t('customers.list.export')}
            </Button>
          )}
          <Tooltip title={t('customers.list.selectToPrint')}>
            <Button icon={<PrinterOutlined aria-hidden />} disabled>
              {t('customers.list.printLabels')}
            </Button>
          </Tooltip>
          {can('lookup.manage') && (
            <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => navigate(customerPaths.lists)}>
              {t('customers.list.lists')}
            </Button>
          )}
        </>
      )}
      <Tooltip title={t('common.refresh')}>
        <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('common.refresh')} onClick={onReload} />
      </Tooltip>
      <ColumnChooser value={columns} onChange={onColumns} />
    </Space>
  );
});
