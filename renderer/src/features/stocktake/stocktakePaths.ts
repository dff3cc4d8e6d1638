/** Routes of the 盘点 pages (below the `stocktake` menu entry). */
export const stocktakePaths = {
  list: '/stocktake',
  /** one stocktake: its counting screen (a draft shows its details and 开始盘点) */
  one: (id: number) => `/stocktake/${id}`,
  reconcile: (id: number) => `/stocktake/${id}/reconcile`,
};
