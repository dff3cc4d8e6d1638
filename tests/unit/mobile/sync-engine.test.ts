import { describe, expect, it } from 'vitest';
import { SYNC_PAGE } from '../../../electron/core/stocktake/shared/stocktake.contract';
import { newClientId } from '../../../renderer/src/mobile/offline/ids';
import { createSyncRunner, type SyncOutcome, syncOnce } from '../../../renderer/src/mobile/offline/syncEngine';
import type { LocalScan } from '../../../renderer/src/mobile/offline/types';
import { fakeServer } from './fake-server';
import { memoryStore } from './memory-store';

const scan = (userId: number, stocktakeId: number, code: string): Omit<LocalScan, 'seq'> => ({
  clientId: newClientId(),
  stocktakeId,
  code,
  source: 'scanner',
  scannedAt: '2025-01-02T03:04:05.000Z',
  userId,
  userName: `u${userId}`,
  deviceLabel: 'm-0a1b2c3d4e',
  state: 'waiting',
  pending: 1,
  verdict: { kind: 'found', already: null, notInList: false, customerName: null },
});

describe('the phone sync', () => {
  it('sends every waiting scan once, in pages of at most SYNC_PAGE, and marks each acknowledged one synced', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 1203; i++) add(scan(1, 7, `C${i}`));
    const out = await syncOnce(store, server.send, 1);
    expect(server.calls.map((c) => c.scans.length)).toEqual([SYNC_PAGE, SYNC_PAGE, 203]);
    expect(out).toMatchObject({ sent: 1203, synced: 1203, replayed: 0, refused: 0, stopped: null });
    expect(scans.every((s) => s.state === 'synced' && s.pending === 0 && s.ack?.clientId === s.clientId)).toBe(true);
    expect(server.stored.size).toBe(1203);
    // nothing left: a second run sends nothing
    const again = await syncOnce(store, server.send, 1);
    expect(again.sent).toBe(0);
    expect(server.calls).toHaveLength(3);
  });

  it('keeps a page whose answer was lost waiting; the resend is answered replayed and nothing is stored twice', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 620; i++) add(scan(1, 7, `C${i % 300}`));
    server.opts.dropNext = 1;
    const first = await syncOnce(store, server.send, 1);
    expect(first.stopped).toBe('network');
    expect(first.synced).toBe(0);
    // the server stored the first page, the phone heard nothing: all still waiting
    expect(server.stored.size).toBe(SYNC_PAGE);
    expect(scans.filter((s) => s.state === 'waiting')).toHaveLength(620);
    const second = await syncOnce(store, server.send, 1);
    expect(second).toMatchObject({ sent: 620, synced: 620, replayed: SYNC_PAGE, stopped: null });
    expect(server.stored.size).toBe(620);
    expect(new Set(server.calls.flatMap((c) => c.scans.map((s) => s.clientId))).size).toBe(620);
    // a scan's classification is the server's: the same code twice is a duplicate
    expect(scans.find((s) => s.code === 'C0' && s.seq === 301)?.ack?.result).toBe('duplicate');
  });

  it('offline: nothing changes and the run stops at the first page', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 3; i++) add(scan(1, 7, `C${i}`));
    add(scan(1, 8, 'D1'));
    server.opts.offline = true;
    const out = await syncOnce(store, server.send, 1);
    expect(out.stopped).toBe('network');
    expect(server.calls).toHaveLength(1);
    expect(scans.map((s) => s.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('parks refused scans with their reason (not sent again by the loop), sends them again on 同步, and goes on with other stocktakes', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    add(scan(1, 8, 'B'));
    server.opts.refuseStocktake.add(7);
    const out = await syncOnce(store, server.send, 1);
    expect(out).toMatchObject({ sent: 2, synced: 1, refused: 1, stopped: null });
    expect(scans[0]).toMatchObject({
      state: 'refused',
      pending: 2,
      refusal: { messageKey: 'stocktake.errors.notCounting' },
    });
    expect(scans[1].state).toBe('synced');
    server.opts.refuseStocktake.clear();
    // the automatic runs (every 5 s) leave it parked: nothing is sent
    const loop = await syncOnce(store, server.send, 1);
    expect(loop.sent).toBe(0);
    expect(server.calls).toHaveLength(2);
    // 同步 sends it again
    const again = await syncOnce(store, server.send, 1, undefined, { retryRefused: true });
    expect(again).toMatchObject({ sent: 1, synced: 1 });
    expect(scans[0]).toMatchObject({ state: 'synced', pending: 0, refusal: undefined });
  });

  it('an expired session stops the run for a sign-in; nothing is marked refused', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    server.opts.refuseAll = { code: 'SESSION_EXPIRED', messageKey: 'errors.sessionExpired' };
    const out = await syncOnce(store, server.send, 1);
    expect(out).toMatchObject({ refused: 0, stopped: 'signIn' });
    expect(scans[0]).toMatchObject({ state: 'waiting', pending: 1 });
  });

  it('a whole call refused (no permission) parks the page with the reason', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    server.opts.refuseAll = { code: 'FORBIDDEN', messageKey: 'errors.forbidden' };
    const out = await syncOnce(store, server.send, 1);
    expect(out).toMatchObject({ refused: 1, stopped: null });
    expect(scans[0]).toMatchObject({ state: 'refused', pending: 2, refusal: { code: 'FORBIDDEN' } });
  });

  it("sends only the signed-in user's scans; another user's wait for them", async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    add(scan(2, 7, 'B'));
    add(scan(2, 7, 'C'));
    const out = await syncOnce(store, server.send, 1);
    expect(out).toMatchObject({ sent: 1, synced: 1, othersWaiting: 2 });
    expect(server.calls.flatMap((c) => c.scans.map((s) => s.code))).toEqual(['A']);
    expect(scans.map((s) => s.state)).toEqual(['synced', 'waiting', 'waiting']);
    const theirs = await syncOnce(store, server.send, 2);
    expect(theirs).toMatchObject({ sent: 2, synced: 2, othersWaiting: 0 });
  });

  it('the session gone: stops, asks to sign in, keeps the queue', async () => {
    const { store, scans, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    server.opts.unauthenticated = true;
    const out = await syncOnce(store, server.send, 1);
    expect(out.stopped).toBe('signIn');
    expect(scans[0]).toMatchObject({ state: 'waiting', pending: 1 });
  });

  it('sends the device label as deviceId only when the contract takes it', async () => {
    const { store, add } = memoryStore();
    const server = fakeServer();
    add(scan(1, 7, 'A'));
    add({ ...scan(1, 7, 'B'), deviceLabel: '手机 1' });
    await syncOnce(store, server.send, 1);
    expect(server.calls[0].scans.map((s) => s.deviceId)).toEqual(['m-0a1b2c3d4e', undefined]);
  });

  it('answers only the scans it sent: an answer naming another client id changes nothing', async () => {
    const { store, scans, add } = memoryStore();
    const a = add(scan(1, 7, 'A'));
    const out = await syncOnce(
      store,
      async () => ({
        ok: true,
        data: { items: [{ clientId: 'someone-else', error: { code: 'CONFLICT', messageKey: 'x' } }] },
      }),
      1,
    );
    expect(out.synced + out.refused).toBe(0);
    expect(scans[0]).toMatchObject({ clientId: a.clientId, state: 'waiting' });
  });
});

describe('the sync runner', () => {
  it('runs one sync at a time and once more for a request made during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const gates: (() => void)[] = [];
    const outcome: SyncOutcome = { sent: 0, synced: 0, replayed: 0, refused: 0, stopped: null, othersWaiting: 0 };
    const runner = createSyncRunner(async () => {
      active++;
      runs++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((r) => gates.push(r));
      active--;
      return outcome;
    });
    const first = runner.request();
    const second = runner.request();
    const third = runner.request();
    expect(second).toBe(first);
    expect(third).toBe(first);
    while (runs < 2 || gates.length) {
      await Promise.resolve();
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    await first;
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
    expect(runner.busy).toBe(false);
  });
});
