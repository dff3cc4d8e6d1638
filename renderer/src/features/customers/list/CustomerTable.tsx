// biome-ignore-all lint/a11y/useSemanticElements: a virtual table positions its rows itself; <div>s with ARIA table roles read as a table
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers are not stops of their own (the code link, the checkboxes and the sort buttons are)
import { Empty, Spin } from 'antd';
import { memo, type UIEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../../../electron/core/customers/shared/customers.contract';
import { CustomerRow, ROW_HEIGHT, SELECT_WIDTH } from './CustomerRow';
import { rowSlotKey, rowWindow } from './rowWindow';
import type { ListColumn } from './listColumns';
import type { ListSort, SortField } from './listQuery';
import { SortHeader } from './SortHeader';

/** rows drawn beyond the visible ones, each side (smooth scrolling without blank rows) */
const OVERSCAN = 6;
/** ask for the next page while this many loaded rows are still below the view (1.5 pages) */
const PREFETCH_ROWS = 150;
/**
 * At the top of a fresh answer the next page waits this long: a person still typing (a key every
 * 150-300 ms) makes a new query first, and its answer should not queue behind the read, transfer and
 * parsing of a page nobody looked at. Scrolling asks for it at once.
 */
const IDLE_PREFETCH_MS = 1000;

interface Props {
  rows: CustomerListRow[];
  columns: ListColumn[];
  /** the table's whole height, header included */
  height: number;
  sort: ListSort | null;
  onSort: (field: SortField) => void;
  selected: ReadonlySet<number>;
  onSelect: (row: CustomerListRow, checked: boolean) => void;
  onSelectAll: (checked: boolean) => void;
  onOpen: (id: number) => void;
  /** more rows may follow: called as the view nears the last loaded ones */
  onNeedMore: () => void;
  /** the first page of a query is on its way (nothing to show yet) */
  loading: boolean;
  /** changes with each new query: the view returns to the top */
  resetKey: number;
}

/**
 * The customer list's rows: a light virtual table (only the rows in view are in the page, each a
 * memoised row of plain cells), sticky header, checkbox and code columns, native scrolling both
 * ways. It asks for the next page well before the last loaded row comes into view.
 */
export const CustomerTable = memo(function CustomerTable({
  rows,
  columns,
  height,
  sort,
  onSort,
  selected,
  onSelect,
  onSelectAll,
  onOpen,
  onNeedMore,
  loading,
  resetKey,
}: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState(0);
  const bodyHeight = Math.max(ROW_HEIGHT, height - ROW_HEIGHT);
  const visible = Math.ceil(bodyHeight / ROW_HEIGHT);
  const width = SELECT_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);
  // a fresh answer draws the rows in view first; the overscan follows once they are painted
  const [warmFor, setWarmFor] = useState(resetKey);
  const overscan = warmFor === resetKey ? OVERSCAN : 0;
  useEffect(() => {
    if (warmFor === resetKey) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWarmFor(resetKey));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [resetKey, warmFor]);

  /** the scroll offset as last seen (reading it would make the browser lay out the new rows at once) */
  const scrolledTo = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new query (resetKey) starts at the top
  useLayoutEffect(() => {
    if (scroller.current && scrolledTo.current !== 0) scroller.current.scrollTop = 0;
    setFirst(0);
  }, [resetKey]);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    scrolledTo.current = event.currentTarget.scrollTop;
    const next = Math.floor(scrolledTo.current / ROW_HEIGHT);
    setFirst((f) => (f === next ? f : next));
  }, []);

  // near the end of what is loaded (after a scroll, or when a page arrives and the view is still near it)
  useEffect(() => {
    if (!rows.length || rows.length - (first + visible) >= PREFETCH_ROWS) return;
    if (first > 0) {
      onNeedMore();
      return;
    }
    const timer = setTimeout(onNeedMore, IDLE_PREFETCH_MS);
    return () => clearTimeout(timer);
  }, [first, visible, rows.length, onNeedMore]);

  const { from, to } = rowWindow(first, visible, rows.length, overscan);
  const shown = rows.slice(from, to);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.id));

  return (
    <div
      ref={scroller}
      className="kh-list-scroll"
      role="table"
      aria-rowcount={rows.length + 1}
      style={{ height }}
      onScroll={onScroll}
    >
      <div className="kh-list-head" role="row" style={{ width }}>
        <div className="kh-list-cell kh-list-select kh-list-sticky" role="columnheader" style={{ left: 0 }}>
          <input
            type="checkbox"
            aria-label={t('common.selectAll')}
            checked={allSelected}
            ref={(el) => {
              if (el) el.indeterminate = someSelected;
            }}
            disabled={!rows.length}
            onChange={(e) => onSelectAll(e.target.checked)}
          />
        </div>
        {columns.map((c) => (
          <SortHeader key={c.key} column={c} sort={sort} onSort={onSort} />
        ))}
      </div>
      <div className="kh-list-body" role="rowgroup" style={{ height: rows.length * ROW_HEIGHT, width }}>
        {shown.map((row, i) => (
          <CustomerRow
            key={rowSlotKey(from + i)}
            row={row}
            index={from + i}
            columns={columns}
            width={width}
            checked={selected.has(row.id)}
            onSelect={onSelect}
            onOpen={onOpen}
            t={t}
          />
        ))}
      </div>
      {!rows.length && (
        <div className="kh-list-empty" style={{ height: bodyHeight }}>
          {loading ? <Spin /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.list.empty')} />}
        </div>
      )}
    </div>
  );
});
