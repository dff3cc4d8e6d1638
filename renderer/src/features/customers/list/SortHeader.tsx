// biome-ignore-all lint/a11y/useSemanticElements: a virtual table positions its rows itself; <div>s with ARIA table roles read as a table
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers are not stops of their own (the code link, the checkboxes and the sort buttons are)
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { memo } from 'react';
import { SELECT_WIDTH } from './CustomerRow';
import type { ListColumn } from './listColumns';
import type { ListSort, SortField } from './listQuery';

interface Props {
  column: ListColumn;
  sort: ListSort | null;
  onSort: (field: SortField) => void;
}

/** A column's header; a sortable one is a button that cycles 升序 → 降序 → none. */
export const SortHeader = memo(function SortHeader({ column: c, sort, onSort }: Props) {
  const order = c.sortField && sort?.field === c.sortField ? sort.order : null;
  const style = { width: c.width, textAlign: c.align, left: c.sticky ? SELECT_WIDTH : undefined } as const;
  const className = c.sticky ? 'kh-list-cell kh-list-sticky' : 'kh-list-cell';
  if (!c.sortField) {
    return (
      <div className={className} role="columnheader" style={style}>
        {c.title}
      </div>
    );
  }
  const field = c.sortField;
  return (
    <div
      className={`${className} kh-list-sortable`}
      role="columnheader"
      aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none'}
      style={style}
    >
      <button type="button" className="kh-list-sort" onClick={() => onSort(field)}>
        <span>{c.title}</span>
        <span className="kh-list-sort-icons" aria-hidden>
          <CaretUpOutlined className={order === 'asc' ? 'kh-on' : undefined} />
          <CaretDownOutlined className={order === 'desc' ? 'kh-on' : undefined} />
        </span>
      </button>
    </div>
  );
});
