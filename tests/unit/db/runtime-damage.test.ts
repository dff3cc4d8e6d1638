import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundTick } from '../../../electron/core/background';
import { type Core, closeCore, DB_FILE_NAME, openCore } from '../../../electron/core/core';
import { storageFaultOf } from '../../../electron/core/faults';
import { reasonId } from '../status/support';
import { makeEnv, MIGRATIONS, TestClient } from '../support/test-core';
import { damageTablePage, sha } from './fault-support';

// A file found damaged while the app runs is not written into any more: not by the background
// work, not by the checkpoint SQLite does when the last connection closes (on quit). The fault
// page says "nothing was changed"; the file and its write-ahead log stay byte for byte.
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) if (c.sqlite.open) c.sqlite.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A data folder whose customer has a deactivation due on 2026-12-31, closed cleanly, then `table`
 * damaged on disk; reopened without the check at open (as a file over its size limit is), so
 * the damage is met later, by whatever reads the table.
 */
async function scheduledThenDamaged(table: string) {
  const env = await makeEnv();
  dirs.push(env.dir);
  env.clock.set('2026-12-01T04:00:00.000Z');
  const admin = await env.admin();
  const { id } = await admin.ok('customer.create', { name: '年底到期贸易公司', nature: 'other' });
  await admin.ok('customer.deactivate', {
    ids: [id],
    reasonId: await reasonId(admin, '合同到期'),
    memo: '合同到期',
    effectiveDate: '2026-12-31',
  });
  env.core.sqlite.close(); // checkpointed: everything is in the main file
  const file = path.join(env.dir, DB_FILE_NAME);
  damageTablePage(file, table);
  const core = await openCore({ dataDir: env.dir, migrationsFolder: MIGRATIONS, clock: env.clock, dbOptions: { integrityCheckMaxBytes: 0 } });
  cores.push(core);
  return { core, clock: env.clock, file, wal: `${file}-wal` };
}

const state = (f: { file: string; wal: string }) => ({ db: sha(f.file), wal: fs.existsSync(f.wal) ? sha(f.wal) : 'no log' });

describe('damage found while the app runs', () => {
  it('stops the background work and the checkpoint on quit: the file and its log stay as they were', async () => {
    const f = await scheduledThenDamaged('review_keeps');
    // a sign-in writes (last sign-in time): the log holds commits the main file does not
    await new TestClient(f.core).ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(fs.statSync(f.wal).size).toBeGreaterThan(0);
    // a call reads the damaged table: the dispatcher records the fault
    const err = (() => {
      try {
        f.core.sqlite.prepare('SELECT * FROM review_keeps').all();
      } catch (e) {
        return e;
      }
    })();
    expect(storageFaultOf(f.core, err)?.code).toBe('DB_CORRUPT');
    expect(f.core.fault?.kind).toBe('corrupt');
    const before = state(f);

    // the scheduled date passes: a healthy core would deactivate the customer now
    f.clock.set('2027-01-03T02:00:00.000Z');
    await backgroundTick(f.core, () => {});
    expect(state(f)).toEqual(before);

    closeCore(f.core);
    expect(f.core.sqlite.open).toBe(false);
    expect(state(f)).toEqual(before); // the log was not merged into the damaged file, nor deleted
  });

  it('a background round that meets the damage puts the core in the fault, as a call would', async () => {
    const f = await scheduledThenDamaged('customer_status_schedules');
    const errors: unknown[] = [];
    f.clock.set('2027-01-03T02:00:00.000Z');

    await backgroundTick(f.core, (e) => errors.push(e));

    expect(errors).toEqual([expect.objectContaining({ code: expect.stringMatching(/^SQLITE_CORRUPT/) })]);
    expect(f.core.fault).toMatchObject({ kind: 'corrupt', file: f.file });
    expect(await new TestClient(f.core).call('auth.status', {})).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
  });

  it('a healthy core closes as before: the log is merged and removed', async () => {
    const f = await scheduledThenDamaged('review_keeps');
    await new TestClient(f.core).ok('auth.login', { username: 'admin', password: 'admin-pass-1' });
    closeCore(f.core);
    expect(fs.existsSync(f.wal)).toBe(false);
  });
});
