import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanLedger } from '../../proof/stocktake-kill-ledger';
import { runStocktakeKill } from '../../proof/stocktake-kill';
import { makeEnv, type TestClient, type TestEnv } from '../support/test-core';

// The stocktake kill test's short version (`npm run proof -- stocktake-kill 200` is the long one):
// the host in a child process, scans sent as fast as several clients can, SIGKILL in the burst,
// restart: every acknowledged scan is stored once, the tallies equal the live scans, the
// stocktake is still counting and takes more scans.
const dirs: string[] = [];
const envs: TestEnv[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  for (const e of envs.splice(0)) e.close();
});

describe('the stocktake kill test', () => {
  it('4 kills in scan bursts: every acknowledged scan stored once, tallies right, still counting', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const { report, dataDir } = await runStocktakeKill({ cycles: 4, seed });
    dirs.push(dataDir);
    const summary = `seed ${seed}: ${JSON.stringify(report)}`;
    expect(report.failures, summary).toEqual([]);
    expect(report.refused, summary).toEqual({});
    // it did something: scans were acknowledged, resends answered from the stored row, and the
    // kills cut scans off in flight (resent after the restart)
    expect(report.scans_acknowledged, summary).toBeGreaterThan(40);
    expect(report.replays, summary).toBeGreaterThan(0);
    expect(report.unanswered_at_kill, summary).toBeGreaterThan(0);
    // every scan sent was acknowledged in the end (the cut-off ones by their resend)
    expect(report.scans_acknowledged, summary).toBe(report.scans_sent);
    expect(report.scans_stored, summary).toBe(report.scans_sent);
  }, 240_000);
});

describe("the stocktake kill test's check", () => {
  /** A core in this process, a counting stocktake over three customers, and a ledger of scans sent through the dispatcher. */
  async function world() {
    const e = await makeEnv();
    envs.push(e);
    const admin = await e.admin();
    for (const code of ['KC001', 'KC002', 'KC003']) await admin.ok('customer.create', { code, name: `客户${code}`, duplicateReason: 'test' } as never);
    const st = await admin.ok('stocktake.create', { name: '检查', scope: { kind: 'all' }, start: true } as never);
    const ledger = new ScanLedger(st.id);
    let n = 0;
    const scan = async (code: string, client: TestClient = admin) => {
      const clientId = `check-scan-${n++}`;
      ledger.sent.set(clientId, { clientId, code, scanId: null });
      const data = await client.ok('stocktake.scan', {
        stocktakeId: st.id,
        clientId,
        code,
        source: 'scanner',
        scannedAt: new Date().toISOString(),
      } as never);
      ledger.ack(clientId, data, false);
      return { clientId, data };
    };
    return { e, admin, ledger, scan, st };
  }

  it('passes what the core stored, and finds a lost acknowledged scan', async () => {
    const { e, ledger, scan } = await world();
    await scan('KC001');
    await scan('KC001');
    await scan('UNKNOWN9');
    ledger.check(e.core.sqlite);
    expect(ledger.failures).toEqual([]);
    // an acknowledgement whose row is not there
    ledger.sent.set('check-lost-1', { clientId: 'check-lost-1', code: 'KC002', scanId: 999_999 });
    ledger.check(e.core.sqlite);
    expect(ledger.failures.join('\n')).toContain('check-lost-1');
  });

  it('finds a tally that does not equal the live scans, and a stored scan never sent', async () => {
    const { e, ledger, scan } = await world();
    const { data } = await scan('KC002');
    e.core.sqlite.prepare('UPDATE stocktake_lines SET scans = scans + 1 WHERE id = ?').run(data.lineId);
    ledger.check(e.core.sqlite);
    expect(ledger.failures.join('\n')).toMatch(/tally 2, live scans 1/);
    ledger.failures.length = 0;
    ledger.sent.delete(data.clientId);
    ledger.check(e.core.sqlite);
    expect(ledger.failures.join('\n')).toContain(`${data.clientId} was never sent`);
  });

  it('finds a resend that was counted again, and a stocktake no longer counting', async () => {
    const { e, admin, ledger, scan, st } = await world();
    const { clientId, data } = await scan('KC003');
    ledger.ack(clientId, { ...data, replayed: false, scanId: data.scanId + 1 }, true);
    expect(ledger.failures.join('\n')).toContain(`resend of ${clientId} counted again`);
    ledger.failures.length = 0;
    await admin.ok('stocktake.reconcile', { id: st.id } as never);
    ledger.check(e.core.sqlite);
    expect(ledger.failures.join('\n')).toContain('reconciling after the restart');
  });
});
