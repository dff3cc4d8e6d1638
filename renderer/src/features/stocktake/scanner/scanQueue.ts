import type { CapturedScan, QueuedScan, ScanAck, ScanQueue, ScanSend } from './types';

/** What the queue needs of localStorage (a test passes a Map-backed one). */
export type ScanStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface ScanQueueOptions {
  /** runs fn after ms; returns its cancel (tests drive time themselves) */
  schedule?(fn: () => void, ms: number): () => void;
  /** wait before the n-th resend of the same scan (n from 1) */
  backoffMs?(attempt: number): number;
  newId?(): string;
  /** scans sent at once (default 2): a slow answer does not hold the next scan back */
  inFlight?: number;
}

/**
 * Answers that a resend may turn into an acknowledgement: the host did not answer (the transport
 * reports INTERNAL 'errors.network'), the database was busy or the disk failed, the session must
 * be renewed, the data is in a fault the office will fix. Anything else is the core's final word
 * about this scan (not counting any more, no permission, bad code…).
 */
const RETRYABLE = new Set([
  'INTERNAL',
  'DATA_BUSY',
  'IO_ERROR',
  'DISK_FULL',
  'DATA_READONLY',
  'DB_CORRUPT',
  'SESSION_EXPIRED',
  'UNAUTHENTICATED',
]);

/** A refusal no resend can change: its i18n key; null for a failure worth retrying. */
export function finalRefusal(error: unknown): string | null {
  const e = error as { code?: unknown; messageKey?: unknown } | null;
  if (!e || typeof e.code !== 'string' || RETRYABLE.has(e.code)) return null;
  return typeof e.messageKey === 'string' && e.messageKey ? e.messageKey : 'errors.unknown';
}

export function defaultBackoffMs(attempt: number): number {
  return Math.min(250 * 2 ** (attempt - 1), 10_000);
}

const STORAGE_PREFIX = 'kh.stocktakeScans';
const LIST_CAP = 50;

interface Stored {
  clientId: string;
  code: string;
  source: ScanSend['source'];
  scannedAt: string;
  seq: number;
}

function isStored(v: unknown): v is Stored {
  const s = v as Stored;
  return (
    !!s &&
    typeof s.clientId === 'string' &&
    typeof s.code === 'string' &&
    typeof s.source === 'string' &&
    typeof s.scannedAt === 'string' &&
    typeof s.seq === 'number'
  );
}

/** the queue's own key per scan: one small write per scan, and two windows never overwrite each other */
export function scanStorageKey(stocktakeId: number, clientId: string): string {
  return `${STORAGE_PREFIX}.${stocktakeId}.${clientId}`;
}

function readStored(storage: ScanStorage, stocktakeId: number): Stored[] {
  const prefix = `${STORAGE_PREFIX}.${stocktakeId}.`;
  const found: Stored[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      if (isStored(value) && key === prefix + value.clientId) found.push(value);
    } catch {
      // a damaged entry cannot be sent; leave it for inspection
    }
  }
  return found.sort((a, b) => a.seq - b.seq);
}

/**
 * The scan queue of one stocktake (see ScanQueue in types.ts). Each scan gets its client id and is
 * written to storage synchronously in push(), before anything is sent; it leaves storage when the
 * core answered it (acknowledged or finally refused). Creating a queue resends what storage holds.
 */
export function createScanQueue(
  stocktakeId: number,
  send: (input: ScanSend) => Promise<ScanAck>,
  storage: ScanStorage = localStorage,
  options: ScanQueueOptions = {},
): ScanQueue {
  const schedule =
    options.schedule ??
    ((fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    });
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const newId = options.newId ?? (() => crypto.randomUUID());

  const maxInFlight = Math.max(1, options.inFlight ?? 2);

  const byId = new Map<string, QueuedScan>();
  /** newest first: what items() shows (pending ones are also in outbox) */
  let shown: string[] = [];
  /** unanswered scans in the order they are sent */
  const outbox: string[] = [];
  /** sent, not answered yet (at most maxInFlight) */
  const inFlight = new Set<string>();
  const listeners = new Set<() => void>();
  let snapshot: readonly QueuedScan[] | null = null;
  /** the newest answer, even when the list (50) no longer shows its scan (a long backlog) */
  let latest: QueuedScan | undefined;
  let attempt = 0;
  let cancelRetry: (() => void) | null = null;
  let disposed = false;
  let seq = 0;

  const changed = () => {
    snapshot = null;
    if (!disposed) for (const l of [...listeners]) l();
  };
  const update = (clientId: string, patch: Partial<QueuedScan>) => {
    const item = byId.get(clientId);
    if (item) byId.set(clientId, { ...item, ...patch });
  };
  const forget = (clientId: string) => {
    try {
      storage.removeItem(scanStorageKey(stocktakeId, clientId));
    } catch {
      // storage unusable: the answered scan would at worst be resent and answered as a replay
    }
  };
  /** answered (acked or finally refused): out of the outbox; the newest answer; gone unless listed */
  const answered = (clientId: string, patch: Partial<QueuedScan>) => {
    inFlight.delete(clientId);
    const at = outbox.indexOf(clientId);
    if (at >= 0) outbox.splice(at, 1);
    update(clientId, patch);
    latest = byId.get(clientId) ?? latest;
    if (!shown.includes(clientId)) byId.delete(clientId);
  };
  const show = (clientId: string) => {
    shown = [clientId, ...shown];
    if (shown.length > LIST_CAP) {
      for (const old of shown.slice(LIST_CAP)) if (!outbox.includes(old)) byId.delete(old);
      shown = shown.slice(0, LIST_CAP);
    }
  };

  /**
   * Sends the oldest unanswered scans, up to maxInFlight at once. The core is idempotent per
   * client id, so only the order of two scans of the same code matters (which one is the
   * duplicate): the second waits until the first is answered. A failure worth retrying pauses
   * everything; the resend starts again from the oldest.
   */
  function pump(): void {
    if (disposed || cancelRetry) return;
    for (const clientId of [...outbox]) {
      if (inFlight.size >= maxInFlight) return;
      if (inFlight.has(clientId)) continue;
      const item = byId.get(clientId);
      if (!item) {
        inFlight.delete(clientId);
        outbox.splice(outbox.indexOf(clientId), 1);
        continue;
      }
      for (const other of inFlight) if (byId.get(other)?.code === item.code) return;
      sendOne(clientId, item);
    }
  }

  function sendOne(clientId: string, item: QueuedScan): void {
    inFlight.add(clientId);
    // pending and sending look alike on screen: no redraw for it
    update(clientId, { state: 'sending' });
    snapshot = null;
    send({ stocktakeId, clientId, code: item.code, source: item.source, scannedAt: item.scannedAt }).then(
      (ack) => {
        attempt = 0;
        forget(clientId);
        answered(clientId, { state: 'acked', ack });
        changed();
        pump();
      },
      (error: unknown) => {
        const refusal = finalRefusal(error);
        if (refusal) {
          forget(clientId);
          answered(clientId, { state: 'failed', errorKey: refusal });
          changed();
          pump();
          return;
        }
        // same scan, same client id, after a pause: the core answers a resent id from its row
        inFlight.delete(clientId);
        attempt += 1;
        update(clientId, { state: 'pending' });
        changed();
        if (disposed || cancelRetry) return;
        cancelRetry = schedule(() => {
          cancelRetry = null;
          pump();
        }, backoff(attempt));
      },
    );
  }

  function enqueue(stored: Stored, endedAt: number): QueuedScan {
    const item: QueuedScan = {
      clientId: stored.clientId,
      code: stored.code,
      source: stored.source,
      scannedAt: stored.scannedAt,
      endedAt,
      state: 'pending',
    };
    byId.set(item.clientId, item);
    outbox.push(item.clientId);
    show(item.clientId);
    return item;
  }

  // what an earlier window left unanswered goes first, in its order
  for (const stored of readStored(storage, stocktakeId)) {
    seq = Math.max(seq, stored.seq);
    if (!byId.has(stored.clientId)) enqueue(stored, Number.NaN);
  }

  const queue: ScanQueue = {
    push(scan: CapturedScan | { code: string; source: 'keyboard' | 'search'; endedAt: number; scannedAt: string }) {
      seq += 1;
      const stored: Stored = {
        clientId: newId(),
        code: scan.code,
        source: scan.source,
        scannedAt: scan.scannedAt,
        seq,
      };
      try {
        storage.setItem(scanStorageKey(stocktakeId, stored.clientId), JSON.stringify(stored));
      } catch {
        // storage full or blocked: the scan is still sent; only a crash before its answer could lose it
      }
      const item = enqueue(stored, scan.endedAt);
      // on its way before the screen hears of it
      pump();
      changed();
      return byId.get(item.clientId) ?? item;
    },
    pendingCount: () => outbox.length,
    markUndone(clientId: string) {
      if (latest?.clientId === clientId) latest = { ...latest, undone: true };
      else if (!byId.has(clientId)) return;
      update(clientId, { undone: true });
      changed();
    },
    latestAnswer: () => latest,
    items() {
      snapshot ??= shown.map((id) => byId.get(id)).filter((x): x is QueuedScan => !!x);
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      cancelRetry?.();
      cancelRetry = null;
      listeners.clear();
    },
  };
  pump();
  return queue;
}
