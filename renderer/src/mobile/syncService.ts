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
    const r = await call('stocktake.lines', { stocktakeId, q: code, pageSize: 200 });
    return r.ok ? { ok: true, data: r.data.items.find((l) => l.id === lineId) ?? null } : r;
  },
  updateLine: (input, key) => call('stocktake.updateLine', input, key),
  proposeCorrection: (input, key) => call('stocktake.proposeCorrection', input, key),
};

/** 同步 pressed: refused scans are sent again with the next run */
let retryRefused = false;

/**
 * Whether the server's session on this phone is still this page's user: another tab (or the
 * installed page) may have signed someone else in, and the server counts a scan as the session's
 * user. 'network' when the server does not answer.
 */
async function sessionIsMine(userId: number): Promise<true | 'network' | 'signIn'> {
  const r = await call('auth.status', {});
  // no answer, or a server in trouble (INTERNAL): try again later; anything else: sign in again
  if (!r.ok) return r.error.code === 'NETWORK' || r.error.code === 'INTERNAL' ? 'network' : 'signIn';
  return r.data.user?.id === userId ? true : 'signIn';
}

async function runOnce(): Promise<SyncOutcome | null> {
  const { user, needSignIn } = useMobile.getState();
  if (!user || needSignIn) return null;
  useMobile.setState({ syncing: true });
  try {
    const mine = await sessionIsMine(user.id);
    if (mine !== true) {
      useMobile.setState(mine === 'network' ? { offline: true } : { needSignIn: true });
      return null;
    }
    const retry = retryRefused;
    retryRefused = false;
    const out = await syncOnce(
      dexieSyncStore(mobileDb()),
      (payload) => call('stocktake.syncScans', payload),
      user.id,
      undefined,
      { retryRefused: retry },
    );
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
    // a run where the server refused scans is not a sync done: 上次同步 stays as it was
    if (out.stopped === null && out.refused === 0) {
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

/** A sync now (a new scan, a note); one at a time. */
export const requestSync = () => runner.request();

/** 同步 pressed: a sync now, refused scans sent again too. */
export function requestSyncAll() {
  retryRefused = true;
  return runner.request();
}

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
