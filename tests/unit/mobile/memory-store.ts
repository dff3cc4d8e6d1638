import type { Settled, SyncStore } from '../../../renderer/src/mobile/offline/syncEngine';
import type { LocalScan } from '../../../renderer/src/mobile/offline/types';

/** The sync's storage as a plain array, with the same rules as the Dexie one (seq order, pending flag). */
export function memoryStore() {
  const scans: LocalScan[] = [];
  let seq = 0;
  const store: SyncStore = {
    async pendingStocktakes(userId) {
      return [...new Set(scans.filter((s) => s.pending === 1 && s.userId === userId).map((s) => s.stocktakeId))].sort(
        (a, b) => a - b,
      );
    },
    async pending(userId, stocktakeId, afterSeq, limit) {
      return scans
        .filter(
          (s) => s.pending === 1 && s.userId === userId && s.stocktakeId === stocktakeId && (s.seq ?? 0) > afterSeq,
        )
        .slice(0, limit)
        .map((s) => ({ ...s }));
    },
    async pendingOfOthers(userId) {
      return scans.filter((s) => s.pending === 1 && s.userId !== userId).length;
    },
    async unpark(userId) {
      const parked = scans.filter((s) => s.pending === 2 && s.userId === userId);
      for (const s of parked) s.pending = 1;
      return parked.length;
    },
    async settle(answers: Settled[], at: string) {
      for (const a of answers) {
        const s = scans.find((x) => x.clientId === a.clientId);
        if (!s) continue;
        if ('ack' in a) Object.assign(s, { state: 'synced', pending: 0, ack: a.ack, refusal: undefined, syncedAt: at });
        else Object.assign(s, { state: 'refused', pending: 2, refusal: a.refusal });
      }
    },
  };
  const add = (s: Omit<LocalScan, 'seq'>) => {
    const row = { ...s, seq: ++seq };
    scans.push(row);
    return row;
  };
  return { store, scans, add };
}
