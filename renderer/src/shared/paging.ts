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
