import type { SyncAnswer, SyncPayload } from '../../../renderer/src/mobile/offline/syncEngine';
import type { ScanAck } from '../../../renderer/src/mobile/offline/types';

/**
 * A server as stocktake.syncScans behaves: one stored scan per client id (a resend is answered
 * replayed), the same code twice is a duplicate; `refuse` answers chosen stocktakes with a
 * refusal per scan; `drop` stores a page and then loses the answer (the connection cut).
 */
export function fakeServer() {
  const stored = new Map<string, { code: string; stocktakeId: number }>();
  const calls: SyncPayload[] = [];
  const opts = {
    dropNext: 0,
    offline: false,
    unauthenticated: false,
    refuseStocktake: new Set<number>(),
    refuseAll: null as null | { code: string; messageKey: string },
  };
  const timesOf = (stocktakeId: number, code: string) =>
    [...stored.values()].filter((s) => s.stocktakeId === stocktakeId && s.code === code).length;
  async function send(p: SyncPayload): Promise<SyncAnswer> {
    calls.push(p);
    if (p.scans.length > 500) throw new Error(`page of ${p.scans.length}`);
    if (opts.offline) return { ok: false, error: { code: 'NETWORK', messageKey: 'm.errors.network' } };
    if (opts.unauthenticated)
      return { ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } };
    if (opts.refuseAll) return { ok: false, error: opts.refuseAll as never };
    const items = p.scans.map((s) => {
      if (opts.refuseStocktake.has(p.stocktakeId))
        return { clientId: s.clientId, error: { code: 'CONFLICT', messageKey: 'stocktake.errors.notCounting' } };
      const replayed = stored.has(s.clientId);
      if (!replayed) stored.set(s.clientId, { code: s.code, stocktakeId: p.stocktakeId });
      const times = timesOf(p.stocktakeId, s.code);
      return {
        scanId: [...stored.keys()].indexOf(s.clientId) + 1,
        clientId: s.clientId,
        code: s.code,
        result: times > 1 ? 'duplicate' : 'found',
        lineId: 1,
        customer: null,
        times,
        earlier: [],
        replayed,
        progress: { expected: 0, counted: 0, scans: stored.size, unknown: 0, outOfScope: 0 },
      } satisfies ScanAck;
    });
    if (opts.dropNext > 0) {
      opts.dropNext--;
      return { ok: false, error: { code: 'NETWORK', messageKey: 'm.errors.network' } };
    }
    return { ok: true, data: { items } };
  }
  return { send, stored, calls, opts };
}
