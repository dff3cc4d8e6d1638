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
