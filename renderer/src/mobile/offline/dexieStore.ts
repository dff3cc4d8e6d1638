import Dexie from 'dexie';
import type { MobileDb } from './db';
import type { LineEditStore } from './lineEdits';
import type { Settled, SyncStore } from './syncEngine';
import type { LocalScan } from './types';

/** The sync's storage over Dexie: the `[pending+userId+stocktakeId+seq]` index finds what to send. */
export function dexieSyncStore(db: MobileDb): SyncStore {
  return {
    async pendingStocktakes(userId) {
      const keys = await db.scans
        .where('[pending+userId+stocktakeId+seq]')
        .between([1, userId, Dexie.minKey, Dexie.minKey], [1, userId, Dexie.maxKey, Dexie.maxKey])
        .keys();
      return [...new Set(keys.map((k) => (k as unknown as [number, number, number, number])[2]))];
    },
    pending(userId, stocktakeId, afterSeq, limit) {
      return db.scans
        .where('[pending+userId+stocktakeId+seq]')
        .between([1, userId, stocktakeId, afterSeq], [1, userId, stocktakeId, Dexie.maxKey], false, true)
        .limit(limit)
        .toArray();
    },
    async pendingOfOthers(userId) {
      return db.scans
        .where('[pending+userId+stocktakeId+seq]')
        .between([1, Dexie.minKey, Dexie.minKey, Dexie.minKey], [1, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey])
        .filter((s) => s.userId !== userId)
        .count();
    },
    unpark(userId) {
      return db.scans
        .where('[pending+userId+stocktakeId+seq]')
        .between([2, userId, Dexie.minKey, Dexie.minKey], [2, userId, Dexie.maxKey, Dexie.maxKey])
        .modify({ pending: 1 });
    },
    async settle(answers: Settled[], at: string) {
      await db.transaction('rw', db.scans, async () => {
        for (const a of answers) {
          const changes: Partial<LocalScan> =
            'ack' in a
              ? { state: 'synced', pending: 0, ack: a.ack, refusal: undefined, syncedAt: at }
              : { state: 'refused', pending: 2, refusal: a.refusal };
          await db.scans.where('clientId').equals(a.clientId).modify(changes);
        }
      });
    },
  };
}

/** The notes' and corrections' storage over Dexie (`[pending+userId+seq]`: this user's, oldest first). */
export function dexieLineEditStore(db: MobileDb): LineEditStore {
  return {
    pending(userId) {
      return db.lineEdits
        .where('[pending+userId+seq]')
        .between([1, userId, Dexie.minKey], [1, userId, Dexie.maxKey])
        .toArray();
    },
    scan(clientId) {
      return db.scans.where('clientId').equals(clientId).first();
    },
    async update(seq, changes) {
      await db.lineEdits.update(seq, changes);
    },
  };
}
