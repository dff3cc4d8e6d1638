import type { ComponentType } from 'react';
import { LabelsPrintPage } from '../features/labels/LabelsPrintPage';
import { lazyPage } from './lazyPage';

/** Routes that are not menu entries: reached from a feature's pages. */
interface ExtraRoute {
  path: string;
  /** the user needs at least one of these */
  permissions: readonly string[];
  page: ComponentType;
  /** true: rendered without the shell (sidebar, header), e.g. pages made for printing */
  bare?: boolean;
}

// loaded on its first visit, as the menu's pages are
const CustomerImportPage = lazyPage(() => import('../features/import/CustomerImportPage'), 'CustomerImportPage');
// the stocktake report's print page loads its data before 打印 is enabled: a chunk of its own is fine
const StocktakePrintPage = lazyPage(
  () => import('../features/stocktake/print/StocktakePrintPage'),
  'StocktakePrintPage',
);
// 结算通知 and 对账单 load their data before 打印 is enabled, as the stocktake report: chunks of their own
const NoticePrintPage = lazyPage(() => import('../features/settlement/notice/NoticePrintPage'), 'NoticePrintPage');
const StatementPrintPage = lazyPage(
  () => import('../features/settlement/statement/StatementPrintPage'),
  'StatementPrintPage',
);
// The print page comes with the signed-in app instead (small; its barcode library still loads on
// demand): it is opened to print at once, and a Suspense fallback reveals its page only on a
// timer (React's throttle), so what prints could be the spinner.

export const EXTRA_ROUTES: readonly ExtraRoute[] = [
  // import and export share the page; it shows only the tabs the user may use
  { path: 'import', permissions: ['customer.import', 'customer.export'], page: CustomerImportPage },
  { path: 'print/labels', permissions: ['customer.view'], page: LabelsPrintPage, bare: true },
  { path: 'print/stocktake/:id', permissions: ['stocktake.manage'], page: StocktakePrintPage, bare: true },
  { path: 'print/settlement/notice/:id', permissions: ['settlement.view'], page: NoticePrintPage, bare: true },
  { path: 'print/settlement/statement', permissions: ['settlement.view'], page: StatementPrintPage, bare: true },
];
