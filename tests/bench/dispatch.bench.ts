import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/core';
import { dispatch } from '../../electron/core/dispatch';
import type { TransportCtx } from '../../electron/core/handler';
import { startHost } from '../../electron/host';
import { sample, summarize } from './stats';

/** Round trip of a trivial channel (system.ping), straight through the dispatcher and over the HTTP host. */
export async function dispatchBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-bench-'));
  const core = await openCore({ dataDir: dir, migrationsFolder: path.resolve(__dirname, '../../db/migrations') });
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  const host = await startHost({ core, rendererDir });
  try {
    const session: TransportCtx = {
      sessionToken: null,
      setSessionToken(t) {
        this.sessionToken = t;
      },
    };
    const setup = await dispatch(core, 'auth.setup', { username: 'bench', displayName: 'Bench', password: 'bench-password' }, session);
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));

    const direct = await sample(20_000, 2_000, () => dispatch(core, 'system.ping', { echo: 'x' }, session));

    const headers = {
      'content-type': 'application/json',
      'x-host-token': host.token,
      cookie: `kh_session=${session.sessionToken}`,
    };
    const viaHost = await sample(3_000, 300, async () => {
      const res = await fetch(`${host.url}/api/system.ping`, { method: 'POST', headers, body: '{"echo":"x"}' });
      const body = (await res.json()) as { ok: boolean };
      if (!body.ok) throw new Error('ping refused');
    });
    return {
      channel: 'system.ping',
      direct: summarize(direct),
      http_host: summarize(viaHost),
    };
  } finally {
    await host.close();
    core.sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
