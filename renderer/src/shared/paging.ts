/** One page of a paged read, in both forms the channels take (page numbers, or offset and limit). */
export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
  limit: number;
}

/** Page `page` (from 1) of `pageSize` rows. */
export function paging(page: number, pageSize: number): Paging {
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

/**
 * The pager of a table the user pages through (spread after the page state): the page size may
 * be chosen, and 共 N 条 shows beside it.
 */
export function sizablePager(t: (key: string, params: { total: number }) => string, pageSizeOptions: number[]) {
  return { showSizeChanger: true, pageSizeOptions, showTotal: (n: number) => t('common.total', { total: n }) };
}

/**
 * An antd Table's rows, loading state and pager for a list read page by page (usePaged), with the
 * page sizes 20/50/100; spread into the Table, then add the table's own props.
 */
export function pagedTable<T>(
  list: {
    items: T[];
    loading: boolean;
    pagination: { current: number; pageSize: number; total: number };
    onTableChange: (p: { current?: number; pageSize?: number }) => void;
  },
  t: (key: string, params: { total: number }) => string,
) {
  return {
    dataSource: list.items,
    loading: list.loading,
    pagination: { ...list.pagination, ...sizablePager(t, [20, 50, 100]) },
    onChange: list.onTableChange,
  };
}
