import { beforeEach, describe, expect, it, vi } from 'vitest';

// Issue 12 (h6 item 5): a call that finds the database damaged while the app runs showed only a
// toast; the fault page came after a restart. The client now asks system.fault and the page shows.

const calls: string[] = [];
let answers: Record<string, unknown> = {};
vi.mock('../../../renderer/src/api/transport', () => ({
  send: async (channel: string) => {
    calls.push(channel);
    return answers[channel];
  },
  desktopBridge: () => undefined,
  isUnanswered: () => false,
  overHttp: () => false,
  NETWORK_ERROR: { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.network' } },
}));

const { call } = await import('../../../renderer/src/api/client');
const { ApiCallError } = await import('../../../renderer/src/api/errors');
const { useStorageFault } = await import('../../../renderer/src/stores/storageFault');

const fault = {
  kind: 'corrupt',
  dataDir: '/data',
  file: '/data/kehu.db',
  detail: 'database disk image is malformed',
  restore: null,
};
const refused = (code: string) => ({
  ok: false,
  error: { code, messageKey: 'errors.x', params: { folder: '/data', file: '/data/kehu.db' } },
});

beforeEach(() => {
  calls.length = 0;
  useStorageFault.setState({ fault: null });
});

describe('a storage fault met by a call', () => {
  it('DB_CORRUPT: the client asks system.fault and the fault page takes over; the caller still gets the error', async () => {
    answers = { 'customer.update': refused('DB_CORRUPT'), 'system.fault': { ok: true, data: fault } };
    await expect(call('customer.update', {} as never)).rejects.toBeInstanceOf(ApiCallError);
    expect(calls).toEqual(['customer.update', 'system.fault']);
    expect(useStorageFault.getState().fault).toEqual(fault);
  });

  it('DATA_READONLY asks too; the page shows only when the core says it is in a fault', async () => {
    answers = { 'customer.update': refused('DATA_READONLY'), 'system.fault': { ok: true, data: null } };
    await expect(call('customer.update', {} as never)).rejects.toMatchObject({ code: 'DATA_READONLY' });
    expect(calls).toEqual(['customer.update', 'system.fault']);
    expect(useStorageFault.getState().fault).toBeNull();
  });

  it('other refusals (and a failing system.fault itself) do not ask', async () => {
    answers = { 'customer.update': refused('CONFLICT'), 'system.fault': refused('DB_CORRUPT') };
    await expect(call('customer.update', {} as never)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('system.fault', {})).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(calls).toEqual(['customer.update', 'system.fault']);
  });
});
