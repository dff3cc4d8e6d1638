import type { ApiResult } from '../../../../electron/core/shared/contract-kit';
import { SYNC_PAGE } from '../../../../electron/core/stocktake/shared/stocktake.contract';
import type { LocalScan, Refusal, ScanAck } from './types';

/** What the sync needs from the phone's storage (Dexie in the app, a plain array in the tests). */
export interface SyncStore {
  /** stocktakes with scans still to send for this user */
  pendingStocktakes(userId: number): Promise<number[]>;
  /** this user's scans of the stocktake still to send, seq above `afterSeq`, in seq order, at most `limit` */
  pending(userId: number, stocktakeId: number, afterSeq: number, limit: number): Promise<LocalScan[]>;
  /** scans of other users still to send (they wait for their user to sign in) */
  pendingOfOthers(userId: number): Promise<number>;
  /** records the answers of one page in one transaction; only answered scans change (a refused one is parked) */
  settle(answers: Settled[], at: string): Promise<void>;
  /** this user's parked (refused) scans wait again: they go with this run */
  unpark(userId: number): Promise<number>;
}

export type Settled = { clientId: string; ack: ScanAck } | { clientId: string; refusal: Refusal };

export type SyncPayload = {
  stocktakeId: number;
  scans: { clientId: string; code: string; source: LocalScan['source']; scannedAt: string; deviceId?: string }[];
};
export type SyncAnswer =
  | ApiResult<{ items: (ScanAck | { clientId: string; error: Refusal })[] }>
  | { ok: false; error: { code: 'NETWORK'; messageKey: string } };
export type SyncTransport = (payload: SyncPayload) => Promise<SyncAnswer>;

export interface SyncOutcome {
  /** scans sent in this run (a resend counts again) */
  sent: number;
  /** acknowledged now (stored, or recognised as stored before: replayed) */
  synced: number;
  replayed: number;
  refused: number;
  /** why the run stopped early: no network / the session is gone; null when it went through */
  stopped: 'network' | 'signIn' | null;
  /** scans of other users waiting on this phone */
  othersWaiting: number;
}

const DEVICE_ID = /^[0-9A-Za-z._-]{1,64}$/;

/**
 * One sync run: every scan of the signed-in user still to send, stocktake by stocktake, in pages
 * of at most SYNC_PAGE, each page once per run. The phone changes only what the server answered:
 * an acknowledged scan becomes synced (kept for the recent list), a refused one is parked with its
 * reason (still unsynced; sent again only when the clerk presses 同步: `retryRefused`). No answer (network, server gone) leaves the
 * page as it was and ends the run: the next run sends it again, and the server answers the scans
 * it already stored as replayed (their client id), so nothing is counted twice.
 */
export async function syncOnce(
  store: SyncStore,
  send: SyncTransport,
  userId: number,
  now: () => string = () => new Date().toISOString(),
  opts: { retryRefused?: boolean } = {},
): Promise<SyncOutcome> {
  const out: SyncOutcome = { sent: 0, synced: 0, replayed: 0, refused: 0, stopped: null, othersWaiting: 0 };
  // a refused scan is not sent again by itself (every 5 s for nothing): 同步 tries it again
  if (opts.retryRefused) await store.unpark(userId);
  for (const stocktakeId of await store.pendingStocktakes(userId)) {
    let after = 0;
    for (;;) {
      const page = await store.pending(userId, stocktakeId, after, SYNC_PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1].seq ?? after;
      out.sent += page.length;
      const answer = await send({
        stocktakeId,
        scans: page.map((s) => ({
          clientId: s.clientId,
          code: s.code,
          source: s.source,
          scannedAt: s.scannedAt,
          ...(DEVICE_ID.test(s.deviceLabel) ? { deviceId: s.deviceLabel } : {}),
        })),
      });
      if (!answer.ok) {
        const { code } = answer.error;
        if (code === 'NETWORK' || code === 'INTERNAL') out.stopped = 'network';
        else if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') out.stopped = 'signIn';
        if (out.stopped) {
          out.othersWaiting = await store.pendingOfOthers(userId);
          return out;
        }
        // the whole page refused (the stocktake gone, no permission): each scan keeps waiting with the reason
        await store.settle(
          page.map((s) => ({ clientId: s.clientId, refusal: answer.error as Refusal })),
          now(),
        );
        out.refused += page.length;
        break;
      }
      const sentIds = new Set(page.map((s) => s.clientId));
      const settled: Settled[] = [];
      for (const item of answer.data.items) {
        if (!sentIds.has(item.clientId)) continue;
        if ('error' in item) {
          settled.push({ clientId: item.clientId, refusal: item.error });
          out.refused++;
        } else {
          settled.push({ clientId: item.clientId, ack: item });
          out.synced++;
          if (item.replayed) out.replayed++;
        }
      }
      await store.settle(settled, now());
      if (page.length < SYNC_PAGE) break;
    }
  }
  out.othersWaiting = await store.pendingOfOthers(userId);
  return out;
}

/**
 * One sync at a time: a request while a run is going asks for one more run after it (scans made
 * meanwhile go then); `lock` also keeps two tabs apart (navigator.locks where the browser has it).
 */
export function createSyncRunner(
  run: () => Promise<SyncOutcome | null>,
  lock: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
) {
  let running: Promise<SyncOutcome | null> | null = null;
  let again = false;
  const loop = async (): Promise<SyncOutcome | null> => {
    let last: SyncOutcome | null = null;
    do {
      again = false;
      last = await lock(run);
    } while (again && last?.stopped == null);
    return last;
  };
  return {
    request(): Promise<SyncOutcome | null> {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
    get busy() {
      return running !== null;
    },
  };
}
