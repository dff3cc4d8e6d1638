import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/src/api/errors';
import {
  createScanQueue,
  finalRefusal,
  type ScanStorage,
  scanStorageKey,
} from '../../../renderer/src/features/stocktake/scanner/scanQueue';
import type { ScanAck, ScanSend } from '../../../renderer/src/features/stocktake/scanner/types';

class MemoryStorage implements ScanStorage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

interface Call {
  input: ScanSend;
  /** what storage held for this scan when it was sent */
  storedAtSend: boolean;
  resolve(ack: ScanAck): void;
  reject(e: unknown): void;
}

/** a core that answers when the test says so, and counts a client id once */
function fakeCore(storage: MemoryStorage) {
  const calls: Call[] = [];
  const counted = new Map<string, string>();
  const send = (input: ScanSend) =>
    new Promise<ScanAck>((resolve, reject) => {
      calls.push({
        input,
        storedAtSend: storage.map.has(scanStorageKey(input.stocktakeId, input.clientId)),
        resolve,
        reject,
      });
    });
  const ack = (input: ScanSend, scanId: number): ScanAck => {
    const replayed = counted.has(input.clientId);
    if (!replayed) counted.set(input.clientId, input.code);
    return {
      scanId,
      clientId: input.clientId,
      code: input.code,
      result: 'found',
      lineId: 1,
      customer: null,
      times: 1,
      earlier: [],
      replayed,
      progress: { expected: 10, counted: counted.size, scans: counted.size, unknown: 0, outOfScope: 0 },
    };
  };
  return { calls, counted, send, ack };
}

const network = () => new ApiCallError({ code: 'INTERNAL', messageKey: 'errors.network' });
const scan = (code: string, n = 0) => ({
  code,
  source: 'scanner' as const,
  endedAt: n,
  scannedAt: '2026-01-01T00:00:00.000Z',
  keys: code.length,
  spanMs: 50,
});
const flush = () => new Promise((r) => setTimeout(r, 0));

function manualTimers() {
  const pending: Array<() => void> = [];
  return {
    schedule: (fn: () => void) => {
      pending.push(fn);
      return () => pending.splice(pending.indexOf(fn), 1);
    },
    runAll: () => {
      for (const fn of pending.splice(0)) fn();
    },
    get count() {
      return pending.length;
    },
  };
}

let ids = 0;
const newId = () => `client-${String(++ids).padStart(4, '0')}`;

describe('the scan queue', () => {
  it('keeps each scan in storage before sending it, sends in order two at a time, forgets it once answered', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const q = createScanQueue(7, core.send, storage, { newId });
    q.push(scan('A1'));
    q.push(scan('B2'));
    q.push(scan('C3'));
    expect(storage.map.size).toBe(3);
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'B2']); // two in flight, C3 waits
    expect(core.calls[0].storedAtSend).toBe(true);
    expect(q.pendingCount()).toBe(3);
    // a slow first answer does not hold the others back
    core.calls[1].resolve(core.ack(core.calls[1].input, 2));
    await flush();
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'B2', 'C3']);
    expect(q.items().map((i) => [i.code, i.state])).toEqual([
      ['C3', 'sending'],
      ['B2', 'acked'],
      ['A1', 'sending'],
    ]);
    core.calls[0].resolve(core.ack(core.calls[0].input, 1));
    core.calls[2].resolve(core.ack(core.calls[2].input, 3));
    await flush();
    expect(core.calls.every((c) => c.storedAtSend)).toBe(true);
    expect(storage.map.size).toBe(0);
    expect(q.pendingCount()).toBe(0);
    expect(q.items().map((i) => [i.code, i.state])).toEqual([
      ['C3', 'acked'],
      ['B2', 'acked'],
      ['A1', 'acked'],
    ]);
  });

  it('a second scan of the same code waits for the first one\'s answer (which of them is the duplicate stays in order)', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const q = createScanQueue(7, core.send, storage, { newId });
    q.push(scan('A1'));
    q.push(scan('A1'));
    q.push(scan('B2'));
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1']);
    core.calls[0].resolve(core.ack(core.calls[0].input, 1));
    await flush();
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'A1', 'B2']);
    expect(core.calls[1].input.clientId).not.toBe(core.calls[0].input.clientId);
  });

  it('with two in flight, a failure pauses the queue and the resend starts again from the oldest', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const timers = manualTimers();
    const q = createScanQueue(7, core.send, storage, { newId, schedule: timers.schedule });
    q.push(scan('A1'));
    q.push(scan('B2'));
    q.push(scan('C3'));
    core.calls[0].reject(network());
    await flush();
    core.calls[1].resolve(core.ack(core.calls[1].input, 1));
    await flush();
    // B2's answer came, but the queue waits for the pause before it sends anything again
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'B2']);
    expect(timers.count).toBe(1);
    timers.runAll();
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'B2', 'A1', 'C3']);
    core.calls[2].resolve(core.ack(core.calls[2].input, 2));
    core.calls[3].resolve(core.ack(core.calls[3].input, 3));
    await flush();
    expect(q.pendingCount()).toBe(0);
    expect(storage.map.size).toBe(0);
    expect(core.counted.size).toBe(3);
  });

  it('keeps the newest answer for the screen even when a long backlog has pushed its scan out of the list', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const q = createScanQueue(7, core.send, storage, { newId, inFlight: 1 });
    const first = q.push(scan('OLD1'));
    for (let i = 0; i < 55; i++) q.push(scan(`N${i}`));
    expect(q.latestAnswer()).toBeUndefined();
    core.calls[0].resolve(core.ack(core.calls[0].input, 1));
    await flush();
    expect(q.items()).toHaveLength(50);
    expect(q.items().some((i) => i.clientId === first.clientId)).toBe(false);
    expect(q.latestAnswer()).toMatchObject({ clientId: first.clientId, state: 'acked', ack: { code: 'OLD1' } });
    core.calls[1].resolve(core.ack(core.calls[1].input, 2));
    await flush();
    expect(q.latestAnswer()?.code).toBe('N0');
    // taken back: the newest answer reads 已撤销 too
    q.markUndone(q.latestAnswer()?.clientId ?? '');
    expect(q.latestAnswer()).toMatchObject({ code: 'N0', undone: true });
  });

  it('relabels a scan taken back, and ignores a client id it does not list', () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const q = createScanQueue(7, core.send, storage, { newId });
    const pushed = q.push(scan('A1'));
    let heard = 0;
    q.subscribe(() => heard++);
    q.markUndone('not-listed');
    expect(heard).toBe(0);
    q.markUndone(pushed.clientId);
    expect(heard).toBe(1);
    expect(q.items()[0]).toMatchObject({ clientId: pushed.clientId, undone: true });
  });

  it('one in flight: a network failure is retried with the same client id after a pause, and the order holds', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const timers = manualTimers();
    const q = createScanQueue(7, core.send, storage, { newId, schedule: timers.schedule, inFlight: 1 });
    q.push(scan('A1'));
    q.push(scan('B2'));
    core.calls[0].reject(network());
    await flush();
    expect(core.calls).toHaveLength(1); // B2 waits behind A1
    expect(q.items().find((i) => i.code === 'A1')?.state).toBe('pending');
    expect(storage.map.size).toBe(2);
    expect(timers.count).toBe(1);
    timers.runAll();
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'A1']);
    expect(core.calls[1].input.clientId).toBe(core.calls[0].input.clientId);
    // a transport error that is not an ApiCallError is a failure worth retrying too
    core.calls[1].reject(new TypeError('Failed to fetch'));
    await flush();
    timers.runAll();
    core.calls[2].resolve(core.ack(core.calls[2].input, 1));
    await flush();
    core.calls[3].resolve(core.ack(core.calls[3].input, 2));
    await flush();
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'A1', 'A1', 'B2']);
    expect([...core.counted.values()]).toEqual(['A1', 'B2']);
    expect(storage.map.size).toBe(0);
  });

  it('a refusal no resend can change marks the scan failed with its key and is not resent', async () => {
    const storage = new MemoryStorage();
    const core = fakeCore(storage);
    const timers = manualTimers();
    const q = createScanQueue(7, core.send, storage, { newId, schedule: timers.schedule });
    q.push(scan('A1'));
    q.push(scan('B2'));
    core.calls[0].reject(new ApiCallError({ code: 'INVALID_TRANSITION', messageKey: 'stocktake.errors.notCounting' }));
    await flush();
    expect(q.items().find((i) => i.code === 'A1')).toMatchObject({
      state: 'failed',
      errorKey: 'stocktake.errors.notCounting',
    });
    expect(timers.count).toBe(0);
    expect(core.calls.map((c) => c.input.code)).toEqual(['A1', 'B2']); // the next one goes on
    core.calls[1].resolve(core.ack(core.calls[1].input, 1));
    await flush();
    expect(storage.map.size).toBe(0);
    // a new queue (a reload) does not send the refused scan again
    const again = fakeCore(storage);
    createScanQueue(7, again.send, storage, { newId });
    expect(again.calls).toEqual([]);
  });

  it('tells final refusals from failures worth retrying', () => {
    for (const code of ['INTERNAL', 'DATA_BUSY', 'IO_ERROR', 'DISK_FULL', 'SESSION_EXPIRED'] as const) {
      expect(finalRefusal(new ApiCallError({ code, messageKey: 'x' })), code).toBeNull();
    }
    for (const code of ['FORBIDDEN', 'INVALID_INPUT', 'INVALID_TRANSITION', 'NOT_FOUND'] as const) {
      expect(finalRefusal(new ApiCallError({ code, messageKey: `k.${code}` })), code).toBe(`k.${code}`);
    }
    expect(finalRefusal(new Error('offline'))).toBeNull();
  });

  it('a queue created again (after a reload or a crash) resends what storage still holds, in order, and only its own stocktake', async () => {
    const storage = new MemoryStorage();
    const first = fakeCore(storage);
    const q1 = createScanQueue(7, first.send, storage, { newId });
    q1.push(scan('A1'));
    q1.push(scan('B2'));
    createScanQueue(8, first.send, storage, { newId }).push(scan('OTHER'));
    first.calls[0].resolve(first.ack(first.calls[0].input, 1));
    await flush();
    // the window dies here: B2 was being sent (the core may or may not have stored it)
    const sentBefore = first.calls.find((c) => c.input.code === 'B2');
    expect(sentBefore).toBeDefined();
    q1.dispose();
    const second = fakeCore(storage);
    const q2 = createScanQueue(7, second.send, storage, { newId });
    expect(q2.pendingCount()).toBe(1);
    expect(second.calls.map((c) => [c.input.code, c.input.clientId])).toEqual([['B2', sentBefore?.input.clientId]]);
    expect(q2.items().map((i) => i.code)).toEqual(['B2']);
  });

  it.each([1, 2])('never loses or doubles a scan nor reorders two of one code (%i in flight), whatever fails and however often the window reloads', async (inFlight) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ code: fc.stringMatching(/^[A-Z0-9]{3,8}$/), reloadAfter: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(fc.constantFrom('ack', 'network', 'busy', 'lost-answer'), { minLength: 60, maxLength: 60 }),
        async (scans, outcomes) => {
          const storage = new MemoryStorage();
          const stored = new Map<string, string>(); // the core's rows: client id → code
          const order: string[] = [];
          let step = 0;
          const send = async (input: ScanSend): Promise<ScanAck> => {
            const outcome = outcomes[step++ % outcomes.length];
            if (outcome === 'network') throw network();
            if (outcome === 'busy') throw new ApiCallError({ code: 'DATA_BUSY', messageKey: 'errors.busy' });
            const replayed = stored.has(input.clientId);
            if (!replayed) {
              stored.set(input.clientId, input.code);
              order.push(input.clientId);
            }
            // stored, but the answer never arrived
            if (outcome === 'lost-answer') throw network();
            return {
              scanId: stored.size,
              clientId: input.clientId,
              code: input.code,
              result: 'found',
              lineId: 1,
              customer: null,
              times: 1,
              earlier: [],
              replayed,
              progress: { expected: 0, counted: stored.size, scans: stored.size, unknown: 0, outOfScope: 0 },
            };
          };
          const timers = manualTimers();
          const pushedIds: string[] = [];
          const recordId = () => {
            const id = newId();
            pushedIds.push(id);
            return id;
          };
          const make = () => createScanQueue(3, send, storage, { newId: recordId, schedule: timers.schedule, inFlight });
          let q = make();
          for (const s of scans) {
            q.push(scan(s.code));
            await flush();
            if (s.reloadAfter) {
              q.dispose();
              q = make();
              await flush();
            }
          }
          for (let i = 0; i < 200 && (q.pendingCount() > 0 || timers.count > 0); i++) {
            timers.runAll();
            await flush();
          }
          expect(q.pendingCount()).toBe(0);
          expect(pushedIds).toHaveLength(scans.length);
          if (inFlight === 1) expect(order).toEqual(pushedIds);
          else expect([...order].sort()).toEqual([...pushedIds].sort());
          // two scans of one code are stored in the order they were read (the second is the duplicate)
          for (const code of new Set(scans.map((s) => s.code))) {
            const ofCode = (ids: string[]) => ids.filter((id) => stored.get(id) === code);
            expect(ofCode(order)).toEqual(ofCode(pushedIds));
          }
          expect(stored.size).toBe(scans.length);
          expect(storage.map.size).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
