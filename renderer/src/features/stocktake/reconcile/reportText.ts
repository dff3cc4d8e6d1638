import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import type { StocktakeSummary } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { translateOr } from '../../../shared/translate';
import { useUserOptions } from '../../customers/shared/useUserOptions';
import { lookupPath, useLookups } from '../../lookups/lookupsStore';
import type { ScopeNames } from '../list/scopeText';

export type ReportSummaryData = ChannelOutput<'stocktake.report'>;
export type ReportRowData = ChannelOutput<'stocktake.reportRows'>['items'][number];

/**
 * The names a filter scope shows (managed-list items, users: loaded once per window, shared with
 * the customer pages), for the list's scopeText.
 */
export function useScopeNames(s: StocktakeSummary): ScopeNames {
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
  return useMemo(
    () => ({
      lookup: (id) => lookupPath(lookups, id),
      user: (id) => users.find((u) => u.id === id)?.displayName ?? null,
    }),
    [lookups, users],
  );
}

/** A row's evidence kinds in words (合同、订单). */
export function evidenceText(kinds: readonly string[], t: TFunction): string {
  return kinds.map((k) => translateOr('stocktake.reconcile.evidence', k)).join(t('common.listSeparator'));
}
