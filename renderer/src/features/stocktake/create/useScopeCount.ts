import { useEffect, useState } from 'react';
import type { StocktakeScope } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../../../api';

/**
 * How many customers a scope holds now (stocktake.previewScope), asked a moment after the fields
 * settle; an older answer never replaces a newer one. null while asking or without a scope.
 */
export function useScopeCount(scope: StocktakeScope | undefined, enabled: boolean): { count: number | null; failed: boolean } {
  const [state, setState] = useState<{ count: number | null; failed: boolean }>({ count: null, failed: false });
  const key = enabled && scope ? JSON.stringify(scope) : null;
  useEffect(() => {
    setState({ count: null, failed: false });
    if (key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      call('stocktake.previewScope', { scope: JSON.parse(key) as StocktakeScope })
        .then((r) => live && setState({ count: r.count, failed: false }))
        .catch(() => live && setState({ count: null, failed: true }));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
