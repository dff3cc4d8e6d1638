import { create } from 'zustand';
import type { SessionUser } from './session';

/** The phone page's state outside its screens: who counts, the network, the sync's last word. */
export interface MobileState {
  user: SessionUser | null;
  /** the server did not answer the last call */
  offline: boolean;
  /** the session ended (the sync was refused UNAUTHENTICATED): sign in again, the queue stays */
  needSignIn: boolean;
  stocktakeId: number | null;
  syncing: boolean;
  lastSync: string | null;
  othersWaiting: number;
  /** bumped whenever stored scans changed (a scan, a sync): lists read again */
  revision: number;
  /** a new version of the page waits: this makes it take over (and reloads the page) */
  applyUpdate: (() => Promise<void>) | null;
}

const STOCKTAKE_KEY = 'kehu-m-stocktake';
const storedStocktake = () => {
  const n = Number(localStorage.getItem(STOCKTAKE_KEY));
  return Number.isInteger(n) && n > 0 ? n : null;
};

export const useMobile = create<MobileState>(() => ({
  user: null,
  offline: false,
  needSignIn: false,
  stocktakeId: storedStocktake(),
  syncing: false,
  lastSync: localStorage.getItem('kehu-m-last-sync'),
  othersWaiting: 0,
  revision: 0,
  applyUpdate: null,
}));

export function chooseStocktake(id: number | null): void {
  if (id) localStorage.setItem(STOCKTAKE_KEY, String(id));
  else localStorage.removeItem(STOCKTAKE_KEY);
  useMobile.setState({ stocktakeId: id });
}

export const bump = () => useMobile.setState((s) => ({ revision: s.revision + 1 }));
