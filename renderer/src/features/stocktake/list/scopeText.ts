import type { TFunction } from 'i18next';
import type { StocktakeSummary } from '../../../../../electron/core/stocktake/shared/stocktake.contract';

/** Names of the filter's criteria (managed-list items, users), looked up by the caller. */
export interface ScopeNames {
  lookup(id: number): string | null;
  user(id: number): string | null;
}

/**
 * A stocktake's scope in words: 全部正常客户 / 客户分类：批发、状态：正常 / 勾选的 120 位客户.
 * An id whose name is not known (yet) shows as #id, never as nothing.
 */
export function scopeText(scope: StocktakeSummary['scope'], t: TFunction, names: ScopeNames): string {
  if (scope.kind === 'all') return t('stocktake.list.scopeAll');
  if (scope.kind === 'selection') {
    const count = 'ids' in scope ? scope.ids.length : scope.count;
    return t('stocktake.list.scopeSelection', { count });
  }
  const f = scope.filters;
  const sep = t('common.listSeparator');
  const parts: string[] = [];
  const named = (label: string, name: string | null, id: number) =>
    parts.push(t('stocktake.list.scopePart', { label: t(label), value: name ?? `#${id}` }));
  if (f.categoryId) named('customers.filters.category', names.lookup(f.categoryId), f.categoryId);
  if (f.regionId) named('customers.filters.region', names.lookup(f.regionId), f.regionId);
  if (f.industryId) named('customers.filters.industry', names.lookup(f.industryId), f.industryId);
  if (f.creditRatingId) named('customers.filters.creditRating', names.lookup(f.creditRatingId), f.creditRatingId);
  if (f.salespersonId) named('customers.filters.salesperson', names.user(f.salespersonId), f.salespersonId);
  const states = (f.status?.length ? f.status : ['active']).map((s) => t(`customers.status.${s}`)).join(sep);
  parts.push(t('stocktake.list.scopePart', { label: t('customers.filters.status'), value: states }));
  return parts.join(t('stocktake.list.scopeJoin'));
}

/** counted / expected as a whole percentage (0 when nothing is expected). */
export function percentCounted(counted: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.min(100, Math.floor((counted * 100) / expected));
}
