import { useEffect, useState } from 'react';
import { call } from '../../api';
import { MAX_IDS } from './layouts';

export interface LabelCustomer {
  id: number;
  code: string;
  name: string;
}

type Code128Module = typeof import('./code128');

interface LabelData {
  state: 'loading' | 'ready' | 'failed';
  customers: LabelCustomer[];
  /** requested ids the core did not return (unknown, or not visible to this user) */
  missing: number[];
  error?: unknown;
  /** bwip-js, loaded on demand (it is large): renders one code for a given room */
  barcodes?: Code128Module;
}

/** Loads code and name of the requested customers (in the order asked for) and the barcode writer. */
export function useLabelCustomers(ids: readonly number[]): LabelData {
  const key = ids.slice(0, MAX_IDS).join(',');
  const [data, setData] = useState<LabelData>({ state: 'loading', customers: [], missing: [] });

  useEffect(() => {
    const wanted = key ? key.split(',').map(Number) : [];
    if (!wanted.length) {
      setData({ state: 'ready', customers: [], missing: [] });
      return;
    }
    let live = true;
    setData({ state: 'loading', customers: [], missing: [] });
    Promise.all([call('customer.getMany', { ids: wanted }), import('./code128')])
      .then(([result, barcodes]) => {
        if (!live) return;
        const byId = new Map(result.items.map((c) => [c.id, c]));
        const customers = wanted.flatMap((id) => {
          const c = byId.get(id);
          return c ? [{ id: c.id, code: c.code, name: c.name }] : [];
        });
        setData({ state: 'ready', customers, missing: wanted.filter((id) => !byId.has(id)), barcodes });
      })
      .catch((error: unknown) => {
        if (live) setData({ state: 'failed', customers: [], missing: [], error });
      });
    return () => {
      live = false;
    };
  }, [key]);

  return data;
}
