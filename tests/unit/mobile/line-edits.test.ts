import { describe, expect } from 'vitest';
import type { ChannelInput } from '../../../electron/core/shared/contract';
import {
  type LineEdit,
  type LineEditStore,
  type LineEditTransport,
  mergeNote,
  sendLineEdits,
} from '../../../renderer/src/mobile/offline/lineEdits';
import { newClientId } from '../../../renderer/src/mobile/offline/ids';
import { type SyncTransport, syncOnce } from '../../../renderer/src/mobile/offline/syncEngine';
import type { LocalScan } from '../../../renderer/src/mobile/offline/types';
import { countingOver, customersIn } from '../stocktake/count-support';
import { test } from '../support/fixtures';
import type { TestClient } from '../support/test-core';
import { memoryStore } from './memory-store';

/** The phone's scans and its notes/corrections in memory, as Dexie keeps them. */
function phone(userId: number) {
  const scans = memoryStore();
  const edits: LineEdit[] = [];
  let seq = 0;
  const store: LineEditStore = {
    async pending(u) {
      return edits.filter((e) => e.pending === 1 && e.userId === u).map((e) => ({ ...e }));
    },
    async scan(clientId) {
      return scans.scans.find((s) => s.clientId === clientId);
    },
    async update(s, changes) {
      Object.assign(edits.find((e) => e.seq === s) as LineEdit, changes);
    },
  };
  const scan = (stocktakeId: number, code: string): LocalScan =>
    scans.add({
      clientId: newClientId(),
      stocktakeId,
      code,
      source: 'scanner',
      scannedAt: '2026-01-05T01:00:00.000Z',
      userId,
      userName: 'u',
      deviceLabel: 'm-0a1b2c3d4e',
      state: 'waiting',
      pending: 1,
      verdict: { kind: 'found', already: null, notInList: false, customerName: null },
    });
  const write = (e: Omit<LineEdit, 'seq' | 'userId' | 'madeAt' | 'state' | 'pending'>) => {
    const row: LineEdit = {
      ...e,
      seq: ++seq,
      userId,
      madeAt: '2026-01-05T01:01:00.000Z',
      state: 'waiting',
      pending: 1,
    };
    edits.push(row);
    return row;
  };
  return { scans, edits, store, scan, write };
}

/** The server as the phone's page reaches it (the same channels, the test client's session). */
function serverOf(client: TestClient, online: () => boolean = () => true) {
  const offline = { ok: false, error: { code: 'NETWORK', messageKey: 'm.errors.network' } } as const;
  const send: SyncTransport = async (payload) => (online() ? client.call('stocktake.syncScans', payload) : offline);
  const edits: LineEditTransport = {
    async line(stocktakeId, code, lineId) {
      if (!online()) return offline;
      const r = await client.call('stocktake.lines', { stocktakeId, q: code, pageSize: 50 });
      return r.ok ? { ok: true, data: r.data.items.find((l) => l.id === lineId) ?? null } : r;
    },
    async updateLine(input) {
      return online() ? client.call('stocktake.updateLine', input) : offline;
    },
    async proposeCorrection(input) {
      return online()
        ? client.call('stocktake.proposeCorrection', input as ChannelInput<'stocktake.proposeCorrection'>)
        : offline;
    },
  };
  return { send, edits };
}

describe("the phone's notes and corrections", () => {
  test('written offline about a scan not yet synced: they wait, then reach its line once the scan is synced', async ({
    admin,
  }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    let online = false;
    const server = serverOf(admin, () => online);
    const p = phone(1);
    const s = p.scan(st.id, a.code);
    p.write({
      clientId: s.clientId,
      stocktakeId: st.id,
      code: a.code,
      kind: 'note',
      note: '门店已搬迁',
      evidence: ['contract'],
    });
    p.write({
      clientId: s.clientId,
      stocktakeId: st.id,
      code: a.code,
      kind: 'correction',
      contact: { name: '王经理', mobile: '13800001111' },
    });
    // offline: the scan cannot sync, the edits wait for it
    expect((await syncOnce(p.scans.store, server.send, 1)).stopped).toBe('network');
    expect(await sendLineEdits(p.store, server.edits, 1)).toEqual({ sent: 0, refused: 0, waiting: 2, stopped: null });
    online = true;
    await syncOnce(p.scans.store, server.send, 1);
    expect(await sendLineEdits(p.store, server.edits, 1)).toEqual({ sent: 2, refused: 0, waiting: 0, stopped: null });
    const { items } = await admin.ok('stocktake.lines', { stocktakeId: st.id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ note: '门店已搬迁', evidence: ['contract'], pendingCorrections: 1 });
    const corrections = await admin.ok('stocktake.corrections', { id: st.id });
    expect(corrections.items[0].proposal).toMatchObject({ contact: { name: '王经理', mobile: '13800001111' } });
    // sent once: nothing is sent again
    expect(await sendLineEdits(p.store, server.edits, 1)).toEqual({ sent: 0, refused: 0, waiting: 0, stopped: null });
    expect((await admin.ok('stocktake.corrections', { id: st.id })).items).toHaveLength(1);
  });

  test('a note meets a line noted on the PC meanwhile: both notes are kept', async ({ admin }) => {
    const [a] = await customersIn(admin, ['甲公司']);
    const st = await countingOver(admin, [a.id]);
    const server = serverOf(admin);
    const p = phone(1);
    const s = p.scan(st.id, a.code);
    await syncOnce(p.scans.store, server.send, 1);
    const lineId = p.scans.scans[0].ack?.lineId as number;
    // the phone showed the line without a note (version 1), then went offline and wrote one
    p.write({
      clientId: s.clientId,
      stocktakeId: st.id,
      code: a.code,
      kind: 'note',
      note: '电话已停机',
      evidence: ['receipt'],
      baseNote: null,
      baseVersion: 1,
    });
    await admin.ok('stocktake.updateLine', {
      stocktakeId: st.id,
      lineId,
      version: 1,
      note: '对方称已结清',
      evidence: ['bankSlip'],
    });
    expect((await sendLineEdits(p.store, server.edits, 1)).sent).toBe(1);
    const [line] = (await admin.ok('stocktake.lines', { stocktakeId: st.id })).items;
    expect(line.note).toBe('对方称已结清\n电话已停机');
    expect([...line.evidence].sort()).toEqual(['bankSlip', 'receipt']);
  });

  test('a refusal is kept with its reason and not sent again; no answer leaves everything waiting', async ({
    admin,
  }) => {
    const [a, b] = await customersIn(admin, ['甲公司', '乙公司']);
    const st = await countingOver(admin, [a.id, b.id]);
    let online = true;
    const server = serverOf(admin, () => online);
    const p = phone(1);
    const sa = p.scan(st.id, a.code);
    const sb = p.scan(st.id, b.code);
    await syncOnce(p.scans.store, server.send, 1);
    // a mobile number the server does not take
    const bad = p.write({
      clientId: sa.clientId,
      stocktakeId: st.id,
      code: a.code,
      kind: 'correction',
      contact: { mobile: '123' },
    });
    const good = p.write({ clientId: sb.clientId, stocktakeId: st.id, code: b.code, kind: 'note', note: '已核实' });
    online = false;
    expect(await sendLineEdits(p.store, server.edits, 1)).toMatchObject({ sent: 0, stopped: 'network' });
    expect(p.edits.map((e) => e.state)).toEqual(['waiting', 'waiting']);
    online = true;
    expect(await sendLineEdits(p.store, server.edits, 1)).toEqual({ sent: 1, refused: 1, waiting: 0, stopped: null });
    expect(p.edits.find((e) => e.seq === bad.seq)).toMatchObject({ state: 'refused', pending: 0 });
    expect(p.edits.find((e) => e.seq === bad.seq)?.refusal?.code).toBe('INVALID_INPUT');
    expect(p.edits.find((e) => e.seq === good.seq)).toMatchObject({ state: 'sent', pending: 0 });
    expect((await admin.ok('stocktake.corrections', { id: st.id })).items).toHaveLength(0);
  });

  test('mergeNote: the phone replaces a line unchanged since it was shown, keeps both otherwise', () => {
    const line = { id: 1, note: '旧', evidence: [], version: 3 };
    const edit = (over: Partial<LineEdit>): LineEdit => ({
      clientId: 'x',
      stocktakeId: 1,
      userId: 1,
      code: 'C1',
      kind: 'note',
      madeAt: '',
      state: 'waiting',
      pending: 1,
      ...over,
    });
    expect(mergeNote(line, edit({ note: '新', baseVersion: 3 })).note).toBe('新');
    expect(mergeNote(line, edit({ note: '新', baseVersion: 2 })).note).toBe('旧\n新');
    expect(mergeNote(line, edit({ note: '新', baseNote: '旧' })).note).toBe('新');
    expect(mergeNote(line, edit({ note: '旧', baseVersion: 1 })).note).toBe('旧');
    expect(mergeNote({ ...line, note: null }, edit({ note: '新', baseVersion: 1 })).note).toBe('新');
  });
});
