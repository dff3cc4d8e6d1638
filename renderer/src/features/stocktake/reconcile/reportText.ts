import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import type { LookupItem } from '../../../../../electron/core/lookups/shared/lookups.contract';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import type {
  StocktakeStatus,
  StocktakeSummary,
} from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { translateOr } from '../../../shared/translate';
import { useUserOptions } from '../../customers/shared/useUserOptions';
import { lookupName, lookupPath, useLookups } from '../../lookups/lookupsStore';

export type ReportSummaryData = ChannelOutput<'stocktake.report'>;
export type ReportRowData = ChannelOutput<'stocktake.reportRows'>['items'][number];

export const STATUS_COLORS: Record<StocktakeStatus, string> = {
  draft: 'default',
  counting: 'processing',
  reconciling: 'orange',
  completed: 'green',
  cancelled: 'red',
};

export interface ScopeNames {
  lookups: readonly LookupItem[];
  users: readonly { id: number; displayName: string }[];
}

/** The managed lists and users a filter scope names (loaded once per window, shared with the customer pages). */
export function useScopeLookups(s: StocktakeSummary): ScopeNames {
  const lookups = useLookups((x) => x.items);
  const users = useUserOptions((x) => x.items);
  const load = useLookups((x) => x.load);
  const loadUsers = useUserOptions((x) => x.load);
  const filtered = s.scope.kind === 'filter';
  useEffect(() => {
    if (!filtered) return;
    void load().catch(() => undefined);
    void loadUsers().catch(() => undefined);
  }, [filtered, load, loadUsers]);
  return { lookups, users };
}

/** 全部正常客户 / 选定的 N 个客户 / 按条件筛选的客户：分类、地区… in words. */
export function scopeText(s: StocktakeSummary, t: TFunction, { lookups, users }: ScopeNames): string {
  const scope = s.scope;
  if (scope.kind === 'all') return t('stocktake.reconcile.scope.all');
  if (scope.kind === 'selection')
    return t('stocktake.reconcile.scope.selection', { count: 'ids' in scope ? scope.ids.length : scope.count });
  const f = scope.filters;
  const parts = [
    f.status?.map((x) => translateOr('customers.status', x)).join(t('common.listSeparator')),
    lookupPath(lookups, f.categoryId),
    lookupName(lookups, f.regionId),
    lookupName(lookups, f.industryId),
    lookupName(lookups, f.creditRatingId),
    f.salespersonId ? users.find((u) => u.id === f.salespersonId)?.displayName : null,
  ].filter(Boolean);
  const base = t('stocktake.reconcile.scope.filter');
  return parts.length ? `${base}${t('customers.history.colon')}${parts.join(t('common.listSeparator'))}` : base;
}

/** A row's evidence kinds in words (合同、订单). */
export function evidenceText(kinds: readonly string[], t: TFunction): string {
  return kinds.map((k) => translateOr('stocktake.reconcile.evidence', k)).join(t('common.listSeparator'));
}
