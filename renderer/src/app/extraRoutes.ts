import type { ComponentType } from 'react';
import { CustomerImportPage } from '../features/import/CustomerImportPage';
import { LabelsPrintPage } from '../features/labels/LabelsPrintPage';

/** Routes that are not menu entries: reached from a feature's pages. */
interface ExtraRoute {
  path: string;
  /** the user needs at least one of these */
  permissions: readonly string[];
  page: ComponentType;
  /** true: rendered without the shell (sidebar, header), e.g. pages made for printing */
  bare?: boolean;
}

export const EXTRA_ROUTES: readonly ExtraRoute[] = [
  // import and export share the page; it shows only the tabs the user may use
  { path: 'import', permissions: ['customer.import', 'customer.export'], page: CustomerImportPage },
  { path: 'print/labels', permissions: ['customer.view'], page: LabelsPrintPage, bare: true },
];
