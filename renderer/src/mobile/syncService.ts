import { call } from './api';
import { mobileDb } from './offline/db';
import { dexieLineEditStore, dexieSyncStore } from './offline/dexieStore';
import { type LineEditTransport, sendLineEdits } from './offline/lineEdits';
import { createSyncRunner, type SyncOutcome, syncOnce } from './offline/syncEngine';
import { bump, useMobile } from './state';

/** every ~5 s while online */
const INTERVAL_MS = 5000;

/** one sync across the phone's tabs where the browser can say so (Web Locks), else within this page */
function crossTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('kehu-m-sync', fn) as Promise<T>) : fn();
}

/** The notes' and corrections' channels, as the PC's counting screen uses them. */
const lineEditTransport: LineEditTransport = {
  async line(stocktakeId, code, lineId) {
    const r = await call('stocktake.lines', { stocktakeId, q: code, pageSize: 50 });
    return r.ok ? { ok: true, data: r.data.items.find((l) => l.id === lineId) ?? null } : r;
  },
  updateLine: (input) => call('stocktake.updateLine', input),
  proposeCorrection: (input) => call('stocktake.proposeCorrection', input),
};

async function runOnce(): Promise<SyncOutcome | null> {
  const { user, needSignIn } = useMobile.getState();
  if (!user || needSignIn) return null;
  useMobile.setState({ syncing: true });
  try {
    const out = await syncOnce(dexieSyncStore(mobileDb()), (payload) => call('stocktake.syncScans', payload), user.id);
    // then the notes and corrections whose scans are synced now
    if (out.stopped === null) {
      const edits = await sendLineEdits(dexieLineEditStore(mobileDb()), lineEditTransport, user.id);
      if (edits.stopped) out.stopped = edits.stopped;
    }
    const patch: Partial<ReturnType<typeof useMobile.getState>> = {
      othersWaiting: out.othersWaiting,
      offline: out.stopped === 'network',
    };
    if (out.stopped === 'signIn') patch.needSignIn = true;
    if (out.stopped === null) {
      patch.lastSync = new Date().toISOString();
      localStorage.setItem('kehu-m-last-sync', patch.lastSync);
    }
    useMobile.setState(patch);
    return out;
  } finally {
    useMobile.setState({ syncing: false });
    bump();
  }
}

const runner = createSyncRunner(runOnce, crossTabLock);

/** A sync now (the 同步 button, a new scan); one at a time. */
export const requestSync = () => runner.request();

/**
 * Syncs when the network comes back, when the page comes to the foreground, every few seconds
 * while online (Safari has no background sync). Returns the stop function.
 */
export function startSyncLoop(): () => void {
  const kick = () => {
    if (navigator.onLine) void requestSync();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') kick();
  };
  window.addEventListener('online', kick);
  const onOffline = () => useMobile.setState({ offline: true });
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(kick, INTERVAL_MS);
  kick();
  return () => {
    window.removeEventListener('online', kick);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
  };
}
