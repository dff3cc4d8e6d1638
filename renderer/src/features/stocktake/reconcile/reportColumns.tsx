import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDateTime, formatMinute } from '../../../shared/format';
import { translateOr } from '../../../shared/translate';
import { StatusTag } from '../../status/StatusTag';
import type { RowSection } from './reconcileRules';
import { evidenceText, type ReportRowData } from './reportText';

interface Actions {
  /** offered on unknown codes while reconciling */
  createCustomer?: (code: string) => void;
  openCustomer: (id: number) => void;
}

/** Columns a section leaves out: nothing was scanned of a missing customer; an unknown code has no customer. */
const HIDDEN: Partial<Record<RowSection, readonly string[]>> = {
  missing: ['scans', 'lastUser', 'lastAt', 'checked', 'evidence', 'note'],
  unknown: ['name', 'category', 'status', 'lastVerifiedAt'],
};

function CodeCell({ row, onOpen }: { row: ReportRowData; onOpen: (id: number) => void }) {
  const id = row.customerId;
  if (id === null) return <Typography.Text code>{row.code}</Typography.Text>;
  return <Typography.Link onClick={() => onOpen(id)}>{row.code}</Typography.Link>;
}

function StatusCell({ row, empty }: { row: ReportRowData; empty: string }) {
  if (!row.status) return empty;
  return (
    <>
      <StatusTag status={row.status} />
      {row.statusReasonName && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          {row.statusReasonName}
        </Typography.Text>
      )}
    </>
  );
}

function AdjustmentCell({ row, empty }: { row: ReportRowData; empty: string }) {
  if (!row.adjustment) return empty;
  return <Tag color="blue">{translateOr('stocktake.reconcile.adjustment', row.adjustment)}</Tag>;
}

/** The report rows' columns for one section (texts in the current language). */
export function reportColumns(section: RowSection, t: TFunction, actions: Actions): ColumnsType<ReportRowData> {
  const empty = t('common.empty');
  const col = (key: string) => t(`stocktake.reconcile.columns.${key}`);
  const all: ColumnsType<ReportRowData> = [
    {
      key: 'code',
      title: col('code'),
      width: 120,
      fixed: 'left',
      render: (_, r) => <CodeCell row={r} onOpen={actions.openCustomer} />,
    },
    { key: 'name', title: col('name'), width: 220, ellipsis: true, render: (_, r) => r.name ?? empty },
    { key: 'category', title: col('category'), width: 120, ellipsis: true, render: (_, r) => r.categoryName ?? empty },
    {
      key: 'status',
      title: col('status'),
      width: 150,
      render: (_, r) => <StatusCell row={r} empty={empty} />,
    },
    { key: 'scans', title: col('scans'), width: 80, align: 'right', dataIndex: 'scans' },
    { key: 'lastUser', title: col('lastUser'), width: 110, render: (_, r) => r.lastUserName ?? empty },
    { key: 'lastAt', title: col('lastAt'), width: 150, render: (_, r) => formatDateTime(r.lastAt) ?? empty },
    {
      key: 'checked',
      title: col('checked'),
      width: 80,
      render: (_, r) => t(r.checked ? 'stocktake.reconcile.yes' : 'stocktake.reconcile.no'),
    },
    {
      key: 'evidence',
      title: col('evidence'),
      width: 140,
      render: (_, r) => (r.evidence.length ? evidenceText(r.evidence, t) : empty),
    },
    { key: 'note', title: col('note'), width: 200, ellipsis: true, render: (_, r) => r.note ?? empty },
    {
      key: 'lastVerifiedAt',
      title: col('lastVerifiedAt'),
      width: 140,
      render: (_, r) => formatMinute(r.lastVerifiedAt) ?? empty,
    },
    {
      key: 'adjustment',
      title: col('adjustment'),
      width: 130,
      render: (_, r) => <AdjustmentCell row={r} empty={empty} />,
    },
  ];
  const hidden = HIDDEN[section] ?? [];
  const columns = all.filter((c) => !hidden.includes(String(c.key)));
  const create = actions.createCustomer;
  if (create) {
    columns.push({
      key: 'actions',
      title: col('actions'),
      width: 130,
      fixed: 'right',
      render: (_, r) =>
        r.customerId === null && r.adjustment === null ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => create(r.code)}>
            {t('stocktake.reconcile.actions.createCustomer')}
          </Button>
        ) : null,
    });
  }
  return columns;
}
