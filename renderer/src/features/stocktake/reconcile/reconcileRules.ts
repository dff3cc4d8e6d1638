import type {
  ADJUSTMENTS,
  ReportSection,
  StocktakeStatus,
} from '../../../../../electron/core/stocktake/shared/stocktake.contract';

export type Adjustment = (typeof ADJUSTMENTS)[number];
/** The sections listed row by row (corrections have a table of their own). */
export type RowSection = Exclude<ReportSection, 'corrections'>;

/** The section tabs in the order the page shows them. */
export const ROW_SECTIONS: readonly RowSection[] = [
  'missing',
  'matched',
  'unknown',
  'duplicates',
  'deactivated',
  'frozen',
  'outOfScope',
];

/**
 * The bulk adjustment a section offers, with the permission of the feature that makes the change
 * (stocktake.adjust checks it too; the button is hidden without it). Missing customers are
 * deactivated, counted deactivated ones reactivated; counted customers (in scope or not, frozen
 * or not) can be marked verified.
 */
const SECTION_ADJUSTMENT: Partial<Record<RowSection, { action: Adjustment; permission: string }>> = {
  missing: { action: 'deactivateMissing', permission: 'customer.deactivate' },
  deactivated: { action: 'reactivateCounted', permission: 'customer.reactivate' },
  matched: { action: 'markVerified', permission: 'customer.edit' },
  duplicates: { action: 'markVerified', permission: 'customer.edit' },
  frozen: { action: 'markVerified', permission: 'customer.edit' },
  outOfScope: { action: 'markVerified', permission: 'customer.edit' },
};

/** Whether the report may still be changed: only while reconciling (completed = locked). */
export function canAdjust(status: StocktakeStatus): boolean {
  return status === 'reconciling';
}

/**
 * The adjustment the user may run on a section now: null when the stocktake is not reconciling,
 * the section has none, or the user lacks stocktake.manage or the owning feature's permission.
 */
export function sectionAdjustment(
  section: RowSection,
  status: StocktakeStatus,
  can: (permission: string) => boolean,
): Adjustment | null {
  const offer = SECTION_ADJUSTMENT[section];
  if (!offer || !canAdjust(status) || !can('stocktake.manage') || !can(offer.permission)) return null;
  return offer.action;
}

/** A new customer may be made from an unknown code while reconciling, by someone who may create customers. */
export function canCreateFromUnknown(status: StocktakeStatus, can: (permission: string) => boolean): boolean {
  return canAdjust(status) && can('customer.create');
}

/** Corrections are decided while reconciling, by someone who may edit customers. */
export function canDecideCorrections(status: StocktakeStatus, can: (permission: string) => boolean): boolean {
  return canAdjust(status) && can('customer.edit');
}

/** counted / expected as a whole percentage, rounded down (99.99 % is not 100 %); "—" of nothing. */
export function percent(counted: number, expected: number): string | null {
  if (expected <= 0) return null;
  return `${Math.floor((counted / expected) * 100)}%`;
}
