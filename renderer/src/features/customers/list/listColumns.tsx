import type { TFunction } from 'i18next';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { formatDate, formatMinute } from '../../../shared/format';
import { translateOr } from '../../../shared/translate';
import { formatCents } from '../../../shared/money';
import type { ColumnKey } from './columnPrefs';
import type { ListSort, SortField } from './listQuery';
import { StatusCell } from './StatusCell';

interface Def {
  width: number;
  render?: (row: CustomerListRow, t: TFunction) => React.ReactNode;
  dataIndex?: keyof CustomerListRow;
  sortField?: SortField;
  align?: 'right';
}

const DEFS: Record<ColumnKey, Def> = {
  code: { width: 110, dataIndex: 'code', sortField: 'code' },
  name: { width: 210, dataIndex: 'name', sortField: 'name' },
  shortName: { width: 140, dataIndex: 'shortName' },
  mnemonic: { width: 110, dataIndex: 'mnemonic' },
  nature: { width: 110, render: (r) => translateOr('customers.nature', r.nature) },
  category: { width: 120, dataIndex: 'categoryName' },
  industry: { width: 130, dataIndex: 'industryName' },
  region: { width: 100, dataIndex: 'regionName' },
  creditRating: { width: 90, dataIndex: 'creditRatingName' },
  contactName: { width: 90, dataIndex: 'contactName' },
  mobile: { width: 120, dataIndex: 'mobile' },
  phone: { width: 140, dataIndex: 'phone' },
  taxId: { width: 160, dataIndex: 'taxId' },
  creditLimit: { width: 140, align: 'right', render: (r) => formatCents(r.creditLimitCents) },
  salesperson: { width: 90, dataIndex: 'salespersonName' },
  contractEndDate: { width: 120, dataIndex: 'contractEndDate' },
  status: { width: 130, render: (r, t) => <StatusCell row={r} t={t} /> },
  statusReason: { width: 130, dataIndex: 'statusReasonName' },
  statusChangedAt: { width: 150, render: (r) => formatMinute(r.statusChangedAt) },
  lastVerifiedAt: { width: 110, render: (r) => formatDate(r.lastVerifiedAt) },
  updatedAt: { width: 150, sortField: 'updatedAt', render: (r) => formatMinute(r.updatedAt) },
};

/** Total width of the given columns (the list's rows have a fixed width). */
export function columnsWidth(keys: readonly ColumnKey[]): number {
  return keys.reduce((sum, k) => sum + DEFS[k].width, 0);
}

/** One column of the list as the table draws it. */
export interface ListColumn {
  key: ColumnKey;
  title: string;
  width: number;
  align?: 'right';
  /** stays in view when the rows scroll sideways */
  sticky: boolean;
  sortField?: SortField;
  /** the cell's content; plain text also becomes its tooltip (the cell cuts long text) */
  cell: (row: CustomerListRow) => React.ReactNode;
}

/** The list's columns for the chosen keys (texts in the current language). */
export function listColumns(keys: readonly ColumnKey[], t: TFunction): ListColumn[] {
  const empty = t('common.empty');
  return keys.map((key) => {
    const def = DEFS[key];
    return {
      key,
      title: t(`customers.columns.${key}`),
      width: def.width,
      align: def.align,
      sticky: key === 'code',
      sortField: def.sortField,
      cell: (row: CustomerListRow) => {
        const value = def.render ? def.render(row, t) : def.dataIndex ? row[def.dataIndex] : null;
        return value === null || value === undefined || value === '' ? empty : value;
      },
    };
  });
}

/** The next order when a sortable column's header is clicked: ascending, descending, none. */
export function nextSort(sort: ListSort | null, field: SortField): ListSort | null {
  if (sort?.field !== field) return { field, order: 'asc' };
  return sort.order === 'asc' ? { field, order: 'desc' } : null;
}
