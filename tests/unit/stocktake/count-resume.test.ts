import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../electron/core/clock';
import { DB_FILE_NAME, openCore } from '../../../electron/core/core';
import { inlineReads } from '../../../electron/core/reads/pool';
import { counters, countersFromTables } from '../../../electron/core/stocktake/progress';
import { reasonId } from '../status/support';
import { test } from '../support/fixtures';
import { MIGRATIONS, makeEnv, TestClient } from '../support/test-core';
import { countingOver, customersIn, scanOf } from './count-support';

describe('counting resumes across restarts', () => {
  it('closing and reopening the core: the same stocktake counts on, resent scans stay counted once', async () => {
    const env = await makeEnv();
    const admin = await env.admin();
    const [a, b, c] = await customersIn(admin, ['甲公司', '乙公司', '丙公司']);
    const st = await countingOver(admin, [a.id, b.id, c.id]);
    const sent = scanOf(st.id, a.code);
    await admin.ok('stocktake.scan', sent);
    await admin.ok('stocktake.scan', scanOf(st.id, b.code));
    await env.core.reads.close();
    env.core.sqlite.close();

    const core = await openCore({ dataDir: env.dir, migrationsFolder: MIGRATIONS, clock: new FixedClock(), reads: inlineReads() });
    try {
      const again = new TestClient(core);
      await again.ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
      expect((await again.ok('stocktake.list', {})).items[0]).toMatchObject({ id: st.id, status: 'counting', countedCount: 2 });
      expect(await again.ok('stocktake.scan', sent)).toMatchObject({ replayed: true, times: 1, progress: { counted: 2 } });
      expect(await again.ok('stocktake.scan', scanOf(st.id, b.code))).toMatchObject({ result: 'duplicate', times: 2 });
      expect(await again.ok('stocktake.scan', scanOf(st.id, c.code))).toMatchObject({ result: 'found', progress: { expected: 3, counted: 3 } });
      expect((await again.ok('stocktake.get', { id: st.id })).progress).toMatchObject({ expected: 3, counted: 3, scans: 4 });
      expect((await again.ok('stocktake.recent', { stocktakeId: st.id })).items).toHaveLength(4);
    } finally {
      await core.reads.close();
      core.sqlite.close();
      env.close();
    }
  });
});

describe('progress counters', () => {
  test('stay equal to a count from the tables through scans, undos, a merge and another connection’s write', async ({ env, admin }) => {
    const cs = await customersIn(admin, ['甲', '乙', '丙', '丁', '戊', '己']);
    const st = await countingOver(admin, cs.slice(0, 4).map((c) => c.id));
    const same = () => expect(counters(env.core, st.id)).toEqual(countersFromTables(env.core, st.id));
    const codes = [...cs.map((c) => c.code), 'UNK-1', 'UNK-2'];
    const acks: number[] = [];
    // a fixed, varied sequence: repeats, unknown codes, out-of-scope customers, undos in between
    for (let i = 0; i < 40; i++) {
      const ack = await admin.ok('stocktake.scan', scanOf(st.id, codes[(i * 7) % codes.length]));
      acks.push(ack.scanId);
      if (i % 5 === 4) await admin.ok('stocktake.undo', { stocktakeId: st.id, scanId: acks[i - 2] });
      same();
    }
    const before = countersFromTables(env.core, st.id);
    expect(before.counted).toBeGreaterThan(0);
    expect(before.unknown).toBe(2);
    expect(before.outOfScope).toBe(2);

    // a merge moves the out-of-scope 己's line onto the expected 甲: the counters follow
    await admin.ok('customer.deactivate', {
      ids: [cs[5].id],
      reasonId: await reasonId(admin, '重复档案'),
      survivorId: cs[0].id,
      acknowledgeOpenItems: true,
    });
    same();
    expect(counters(env.core, st.id).outOfScope).toBe(1);

    // another connection (a job's) adds a line: seen at the next call
    const other = new Database(path.join(env.dir, DB_FILE_NAME));
    other
      .prepare(`INSERT INTO stocktake_lines (stocktake_id, customer_id, code, scans, updated_at) VALUES (?, NULL, 'FROM-JOB', 1, '2026-01-05T01:00:00.000Z')`)
      .run(st.id);
    other.close();
    same();
    expect(counters(env.core, st.id).unknown).toBe(3);
  });
});
