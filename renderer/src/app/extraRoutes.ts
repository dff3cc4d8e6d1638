import type { ComponentType } from 'react';
import { CustomerImportPage } from '../features/customer-import/CustomerImportPage';
import { LabelsPrintPage } from '../features/labels/LabelsPrintPage';

/** Routes that are not menu entries: reached from a feature's pages. */
export interface ExtraRoute {
  path: string;
  permission: string;
  page: ComponentType;
  /** true: rendered without the shell (sidebar, header), e.g. pages made for printing */
  bare?: boolean;
}

export const EXTRA_ROUTES: readonly ExtraRoute[] = [
  { path: 'customers-import', permission: 'customer.import', page: CustomerImportPage },
  { path: 'print/labels', permission: 'customer.view', page: LabelsPrintPage, bare: true },
];
