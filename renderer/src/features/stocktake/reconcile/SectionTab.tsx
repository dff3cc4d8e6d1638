import { Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StocktakeStatus } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { customerPaths } from '../../../shared/customerPaths';
import { sizablePager } from '../../../shared/paging';
import { useDebounced } from '../../../shared/useDebounced';
import { usePaged } from '../../../shared/useCall';
import { AdjustDialog } from './AdjustDialog';
import { canCreateFromUnknown, type RowSection, sectionAdjustment } from './reconcileRules';
import type { ReportRowData } from './reportText';
import { reportColumns } from './reportColumns';

interface Props {
  stocktakeId: number;
  section: RowSection;
  /** the section's count in the summary */
  total: number;
  status: StocktakeStatus;
  can: (permission: string) => boolean;
  /** read again after an adjustment elsewhere */
  refresh: number;
  onChanged: () => void;
}

/** One section of the report: its rows (paged, searchable) and its bulk adjustment, if any. */
export function SectionTab({ stocktakeId, section, total, status, can, refresh, onChanged }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'selected' | 'all' | null>(null);
  const action = sectionAdjustment(section, status, can);
  const creates = section === 'unknown' && canCreateFromUnknown(status, can);
  const rows = usePaged(
    'stocktake.reportRows',
    (p) => ({ id: stocktakeId, section, q: query || undefined, page: p.page, pageSize: p.pageSize }),
    { pageSize: 50, refresh },
  );

  const columns = reportColumns(section, t, {
    createCustomer: creates ? (code) => navigate(customerPaths.createWithCode(code)) : undefined,
    openCustomer: (id) => navigate(customerPaths.detail(id)),
  });

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t(`stocktake.reconcile.hints.${section}`)}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Input.Search
          allowClear
          aria-label={t('stocktake.reconcile.search')}
          placeholder={t('stocktake.reconcile.search')}
          style={{ width: 260 }}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            rows.setPage(1);
          }}
        />
        {action && (
          <>
            <Button
              type="primary"
              disabled={total === 0}
              onClick={() => setDialog(selected.length ? 'selected' : 'all')}
            >
              {t(`stocktake.reconcile.actions.${action}`)}
            </Button>
            {selected.length > 0 && (
              <>
                <Typography.Text>{t('stocktake.reconcile.selected', { count: selected.length })}</Typography.Text>
                <Button type="link" onClick={() => setSelected([])}>
                  {t('stocktake.reconcile.clearSelection')}
                </Button>
              </>
            )}
          </>
        )}
      </Flex>
      <Table<ReportRowData>
        size="small"
        rowKey={(r) => `${r.customerId ?? ''}:${r.lineId ?? ''}:${r.code}`}
        columns={columns}
        dataSource={rows.items}
        loading={rows.loading}
        scroll={{ x: 'max-content' }}
        pagination={{ ...rows.pagination, ...sizablePager(t, [50, 100, 200, 500]) }}
        onChange={rows.onTableChange}
        rowSelection={
          action
            ? {
                selectedRowKeys: rows.items
                  .filter((r) => r.customerId !== null && selected.includes(r.customerId))
                  .map((r) => `${r.customerId ?? ''}:${r.lineId ?? ''}:${r.code}`),
                preserveSelectedRowKeys: true,
                getCheckboxProps: (r) => ({ disabled: r.customerId === null || r.adjustment !== null }),
                onSelect: (r, on) => {
                  const cid = r.customerId;
                  if (cid === null) return;
                  setSelected((s) => (on ? [...new Set([...s, cid])] : s.filter((x) => x !== cid)));
                },
                onSelectAll: (on, _all, changed) => {
                  const ids = changed.map((r) => r.customerId).filter((x): x is number => x !== null);
                  setSelected((s) => (on ? [...new Set([...s, ...ids])] : s.filter((x) => !ids.includes(x))));
                },
              }
            : undefined
        }
      />
      {action && (
        <AdjustDialog
          open={dialog !== null}
          stocktakeId={stocktakeId}
          action={action}
          customerIds={dialog === 'selected' ? selected : null}
          total={total}
          onClose={() => setDialog(null)}
          onDone={() => {
            setSelected([]);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}
