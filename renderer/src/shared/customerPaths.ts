/** Routes of the customer pages (below the `customers` menu entry) and the pages they open. */
export const customerPaths = {
  list: '/customers',
  create: '/customers/new',
  /** 新增客户 with the code filled in (a stocktake's unknown code) */
  createWithCode: (code: string) => `/customers/new?code=${encodeURIComponent(code)}`,
  lists: '/customers/lists',
  detail: (id: number) => `/customers/${id}`,
  edit: (id: number) => `/customers/${id}/edit`,
  /** the labels page (built by the labels feature): selected ids, layout a4 | thermal */
  labels: (ids: readonly number[], layout: 'a4' | 'thermal' = 'a4') =>
    `/print/labels?ids=${ids.join(',')}&layout=${layout}`,
  import: '/import',
};
