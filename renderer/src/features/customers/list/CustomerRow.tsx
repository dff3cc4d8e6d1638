// biome-ignore-all lint/a11y/useSemanticElements: a virtual table positions its rows itself; <div>s with ARIA table roles read as a table
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers are not stops of their own (the code link, the checkboxes and the sort buttons are)
import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { customerPaths } from '../../../shared/customerPaths';
import type { ListColumn } from './listColumns';

export const ROW_HEIGHT = 39;
/** the checkbox column */
export const SELECT_WIDTH = 48;

interface Props {
  row: CustomerListRow;
  index: number;
  columns: ListColumn[];
  width: number;
  checked: boolean;
  onSelect: (row: CustomerListRow, checked: boolean) => void;
  onOpen: (id: number) => void;
  /** the list's (a hook per row would cost each row a subscription) */
  t: TFunction;
}

/**
 * One customer of the list: plain cells at fixed widths (cheap to draw; memoised, so scrolling and
 * selecting redraw only the rows that change). A click opens the customer; the checkbox selects.
 */
export const CustomerRow = memo(function CustomerRow({ row, index, columns, width, checked, onSelect, onOpen, t }: Props) {
  const label = `${row.code} ${row.name}`;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the code cell's link is the keyboard way in; a click anywhere on the row is a mouse shortcut
    <div
      className={checked ? 'kh-list-row kh-list-row-selected' : 'kh-list-row'}
      role="row"
      aria-label={label}
      aria-rowindex={index + 2}
      aria-selected={checked}
      data-row-key={row.id}
      style={{ top: index * ROW_HEIGHT, width }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('.kh-list-select, a')) return;
        onOpen(row.id);
      }}
    >
      <div className="kh-list-cell kh-list-select kh-list-sticky" role="cell" style={{ left: 0 }}>
        <input
          type="checkbox"
          aria-label={t('common.selectRow', { label })}
          checked={checked}
          onChange={(e) => onSelect(row, e.target.checked)}
        />
      </div>
      {columns.map((c) => {
        const content = c.cell(row);
        return (
          <div
            key={c.key}
            className={c.sticky ? 'kh-list-cell kh-list-sticky' : 'kh-list-cell'}
            role="cell"
            title={typeof content === 'string' ? content : undefined}
            style={{ width: c.width, textAlign: c.align, left: c.sticky ? SELECT_WIDTH : undefined }}
          >
            {c.key === 'code' ? <a href={`#${customerPaths.detail(row.id)}`}>{content}</a> : content}
          </div>
        );
      })}
    </div>
  );
});
