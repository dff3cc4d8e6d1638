import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMigrationsFolder } from '../db/open';
import { startBackgroundJobs } from './core/background';
import { backupOnExit } from './core/backup/schedule';
import { closeCore, openCoreOrFault } from './core/core';
import { listenerState } from './core/network/listener-state';
import { defaultDataDir } from './core/paths';
import { startHost } from './host';
import { parseLanOption } from './lan/lan-option';
import { type LanManager, startLanManager } from './lan/manager';

/**
 * `npm run web`: the same app in a browser, on http://127.0.0.1:<port> (no Electron needed).
 * `--lan ADDRESS[:PORT]` also serves the office network's listener there (not saved: the
 * settings' address and port are left as they are), for servers without a desktop and the tests.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: process.env.KEHU_PORT ?? '5190' },
      lan: { type: 'string' },
    },
  });
  const lanOverride = values.lan === undefined ? undefined : parseLanOption(values.lan);
  const appRoot = path.resolve(__dirname, '..', '..');
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  // data that cannot be used (full disk, read-only folder, damaged file) does not stop the host:
  // the page then explains what happened instead of the sign-in screen
  const core = await openCoreOrFault({ dataDir, migrationsFolder: defaultMigrationsFolder(appRoot) });
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const host = await startHost({
    core,
    rendererDir,
    port: Number(values.port),
  });
  // started even in a fault: each round skips its timers while the core is in one (background.ts),
  // and runs them once a damaged file's backup is restored (the core leaves the fault)
  const stopJobs = startBackgroundJobs(core);
  let lan: LanManager | null = null;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopJobs(); // a round in progress ends first
    // the office network's servers close before the core does (same bound as the host's)
    if (lan) await Promise.race([lan.stop(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    // a connection that will not finish must not keep the data file open: close it after 5 s anyway
    await Promise.race([host.close(), new Promise((r) => setTimeout(r, 5_000).unref())]);
    await backupOnExit(core); // only when data changed since the last backup; bounded
    closeCore(core); // a damaged file is left as it was (no checkpoint)
    process.exit(0);
  };
  // before the address is printed: whoever reads it may stop us at once, and the file must be closed then
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // the office network as the settings say, or where --lan says (its certificate is made in the job thread)
  lan = await startLanManager({ core, rendererDir, override: lanOverride });
  console.log(`客户管理 / Customer management: open ${host.openUrl}`);
  console.log(`data: ${dataDir}`);
  const served = listenerState(core);
  if (served.state === 'running')
    console.log(`办公室网络 / office network: ${served.url}  (信任证书 / trust page: ${served.trustUrl})`);
  if (served.state === 'failed')
    console.log(`办公室网络无法启动 / the office network listener could not start: ${served.error}`);
  if (core.fault)
    console.log(`数据无法使用，页面会说明原因 / the data cannot be used, the page says why: ${core.fault.kind}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
