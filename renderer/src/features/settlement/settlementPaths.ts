/** Routes of the 结算 pages (below the `settlement` menu entry) and its print pages. */
export const settlementPaths = {
  /** the 凭证 tab: the vouchers */
  vouchers: '/settlement',
  payments: '/settlement/payments',
  receivables: '/settlement/receivables',
  promises: '/settlement/promises',
  newVoucher: '/settlement/vouchers/new',
  voucher: (id: number) => `/settlement/vouchers/${id}`,
  editVoucher: (id: number) => `/settlement/vouchers/${id}/edit`,
  /** the printed 结算通知 (A4, no app chrome) */
  notice: (id: number) => `/print/settlement/notice/${id}`,
};
