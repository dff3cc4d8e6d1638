import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runKill } from '../../proof/kill';
import { KINDS, OPS } from '../../proof/kill-ops';
import { newTally, prng, World } from '../../proof/kill-world';
import { makeEnv, type TestEnv } from '../support/test-core';

// The kill test's short version (`npm run proof -- kill 1000` is the full one): the host in a child
// process, killed with SIGKILL while clients write; after each restart the file is intact and
// every acknowledged write is there as acknowledged, none half.
const dirs: string[] = [];
const envs: TestEnv[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  for (const e of envs.splice(0)) e.close();
});

describe('the kill test', () => {
  it('12 cycles: nothing acknowledged is lost, nothing is half-written, the file stays intact', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const { report, dataDir } = await runKill({ cycles: 12, seed });
    dirs.push(dataDir);
    const summary = `seed ${seed}: ${JSON.stringify(report)}`;
    expect(report.failures, summary).toEqual([]);
    expect(report.writes_lost, summary).toBe(0);
    expect(report.half_written, summary).toBe(0);
    expect(report.integrity_failures, summary).toBe(0);
    // a refusal means the op table asks for what the rules refuse: its writes would prove nothing
    expect(report.refused_codes, summary).toEqual({});
    // the test did something: writes were acknowledged, and kills caught writes in flight
    expect(report.writes_acknowledged, summary).toBeGreaterThan(20);
    expect(report.unacknowledged, summary).toBeGreaterThan(0);
  }, 240_000);
});

describe("the kill test's check", () => {
  /** A world whose writes go through the dispatcher of a test core (no child process). */
  async function world() {
    const e = await makeEnv();
    envs.push(e);
    const admin = await e.admin();
    const w = new World(prng(7), 'T', KINDS, newTally());
    const reasons = (await admin.ok('lookup.list', { kinds: ['deactivationReason'] })).items;
    w.refs.deactivationReason = reasons.find((r) => r.key === 'inactive')!.id;
    const send = async (channel: string) => {
      const p = OPS.find((o) => o.channel === channel)!.plan(w)!;
      w.begin(p);
      w.settle(p, await admin.call(p.channel as never, p.input as never));
      return p;
    };
    return { w, send, admin, sqlite: e.core.sqlite };
  }

  it('finds an acknowledged customer whose contacts are gone (lost), and passes an intact one', async () => {
    const { w, send, sqlite } = await world();
    const a = await send('customer.create');
    await send('customer.create');
    w.verify(sqlite, true);
    expect(w.tally).toMatchObject({ acknowledged: 2, lost: 0, half: 0 });

    await send('customer.update'); // touched again, so checked again
    const code = a.targets[0].key;
    sqlite.prepare('DELETE FROM customer_contacts WHERE customer_id = (SELECT id FROM customers WHERE code = ?)').run(code);
    w.verify(sqlite, true);
    expect(w.tally.lost).toBe(1);
    expect(w.tally.failures[0]).toContain(code);
  });

  it('finds a state change on one of several customers of one write (half), and accepts a whole one not acknowledged', async () => {
    const { w, send, admin, sqlite } = await world();
    for (let i = 0; i < 3; i++) await send('customer.create');
    w.verify(sqlite, true);
    // a whole write whose reply never came: present, and counted so
    const update = OPS.find((o) => o.channel === 'customer.update')!.plan(w)!;
    w.begin(update);
    expect(await admin.call('customer.update', update.input as never)).toMatchObject({ ok: true });
    w.verify(sqlite, false);
    expect(w.tally).toMatchObject({ unacknowledged: 1, unacknowledgedPresent: 1, half: 0, lost: 0 });

    // a freeze of several customers in flight at the kill, found applied to one of them only
    const freezeOp = OPS.find((o) => o.channel === 'customer.freeze')!;
    let freeze = freezeOp.plan(w)!;
    while (freeze.targets.length < 2) freeze = freezeOp.plan(w)!;
    w.begin(freeze);
    const [first] = (freeze.input as { ids: number[] }).ids;
    sqlite.prepare("UPDATE customers SET status = 'frozen' WHERE id = ?").run(first);
    w.verify(sqlite, false);
    expect(w.tally.half).toBeGreaterThan(0);
    expect(w.tally.unacknowledgedPresent).toBe(1);
  });

  it('a write with no entity of its own (a backup) in flight at the kill is neither present nor half', async () => {
    const { w, sqlite } = await world();
    w.begin({ channel: 'backup.run', input: {}, targets: [] });
    w.verify(sqlite, true);
    expect(w.tally).toMatchObject({ unacknowledged: 1, unacknowledgedPresent: 0, half: 0, lost: 0 });
  });
});
