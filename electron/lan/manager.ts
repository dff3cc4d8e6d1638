import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import type { Credentials } from '../core/network/certs';
import { setListenerState } from '../core/network/listener-state';
import { issueCredentials } from '../core/network/network.jobs';
import { SETTINGS_CHANGED_EVENT } from '../core/network/network.service';
import { readLanSettings } from '../core/network/settings';
import { type RunningLan, startLan } from './listener';
import { type RunningTrust, startTrust } from './trust';

/**
 * Runs the office network's two servers as the settings say (or as `--lan` overrides them, not
 * saved): the HTTPS listener and the plain-HTTP trust page, with credentials from the job thread.
 * It reports its state to the core (network.status shows it), moves when the settings change,
 * takes a renewed certificate without a restart, and tries again while it cannot start (the
 * address may appear later: the PC's network comes up after the app at login, DHCP).
 */
export interface LanManagerOptions {
  core: Core;
  rendererDir: string;
  /** serve here whatever the settings say (`npm run web -- --lan ADDRESS[:PORT]`) */
  override?: { address: string; port?: number };
  /** how often the certificate is checked while serving (default once a day) */
  checkEveryMs?: number;
  /** how often a start that failed is tried again (default 30 s) */
  retryEveryMs?: number;
}

export interface LanManager {
  stop(): Promise<void>;
}

interface Wanted {
  address: string;
  port: number;
  trustPort: number;
}

interface Running extends Wanted {
  lan: RunningLan;
  trust: RunningTrust;
  credentials: Credentials;
}

const DAY_MS = 86_400_000;
const sameServers = (a: Wanted, b: Wanted) =>
  a.address === b.address && a.port === b.port && a.trustPort === b.trustPort;

/** What a failed start is reported as: the OS's error code (EADDRINUSE, EADDRNOTAVAIL, EACCES…), or CERTIFICATE. */
function failureCode(err: unknown): string {
  if (err instanceof DomainError) return err.messageKey === 'network.errors.certificate' ? 'CERTIFICATE' : err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

/**
 * A backup was restored (backup/reopen.ts ends every session so): the restored archive's own
 * settings now say whether and where to serve, and a core that left its fault serves again.
 */
const isRestored = (ev: { name: string; payload?: unknown }) =>
  ev.name === 'session.ended' && (ev.payload as { reason?: unknown } | undefined)?.reason === 'restored';

/** Starts serving as configured (resolves once the first start was tried: its outcome is in network.status). */
export async function startLanManager(opts: LanManagerOptions): Promise<LanManager> {
  const { core } = opts;
  let running: Running | null = null;
  let stopped = false;
  /** why the last start failed (tried again while set) */
  let failed: string | null = null;
  let chain: Promise<void> = Promise.resolve();

  const wanted = (): Wanted | null => {
    if (core.fault) return null; // the data cannot be used: nothing to serve
    const s = readLanSettings(core);
    if (opts.override)
      return { address: opts.override.address, port: opts.override.port ?? s.port, trustPort: s.trustPort };
    return s.enabled && s.address ? { address: s.address, port: s.port, trustPort: s.trustPort } : null;
  };

  const stopServers = async () => {
    const r = running;
    running = null;
    if (r) await Promise.allSettled([r.lan.close(), r.trust.close()]);
  };

  async function start(w: Wanted): Promise<void> {
    const credentials = await issueCredentials(core, w.address);
    const lan = await startLan({ core, rendererDir: opts.rendererDir, ...w, credentials });
    let trust: RunningTrust;
    try {
      trust = await startTrust({ address: w.address, port: w.trustPort, lanPort: lan.port, credentials });
    } catch (err) {
      await lan.close();
      throw err;
    }
    running = { ...w, lan, trust, credentials };
    setListenerState(core, { state: 'running', url: `${lan.url}/`, trustUrl: `${trust.url}/`, error: null });
  }

  /** The same servers with the certificate as it is now (made anew when due or when the address changed). */
  async function refresh(r: Running): Promise<void> {
    const c = await issueCredentials(core, r.address);
    if (c.cert === r.credentials.cert && c.caCert === r.credentials.caCert) return;
    r.credentials = c;
    r.lan.setCredentials(c);
    r.trust.setCredentials(c);
  }

  async function apply(): Promise<void> {
    if (stopped) return;
    try {
      const w = wanted();
      if (running && w && sameServers(running, w)) {
        // serving goes on with the certificate it has when a new one cannot be made now
        await refresh(running).catch((err) => console.error('[lan] the certificate could not be renewed:', err));
        return;
      }
      await stopServers();
      failed = null;
      if (!w) {
        setListenerState(core, { state: 'off', url: null, trustUrl: null, error: null });
        return;
      }
      await start(w);
    } catch (err) {
      await stopServers();
      const code = failureCode(err);
      // tried again every retryEveryMs: said once per cause, not every time
      if (failed !== code) console.error('[lan] the office network listener could not start:', err);
      failed = code;
      setListenerState(core, { state: 'failed', url: null, trustUrl: null, error: code });
    }
  }

  /** One change at a time, in order: a second settings change waits for the first to be applied. */
  const schedule = (): Promise<void> => {
    chain = chain.then(apply);
    return chain;
  };

  const unsubscribe = core.events.subscribe((ev) => {
    if (ev.name === SETTINGS_CHANGED_EVENT || isRestored(ev)) void schedule();
  });
  const check = setInterval(() => {
    if (running) void schedule();
  }, opts.checkEveryMs ?? DAY_MS);
  const retry = setInterval(() => {
    if (failed !== null) void schedule();
  }, opts.retryEveryMs ?? 30_000);
  check.unref();
  retry.unref();

  await schedule();
  return {
    async stop() {
      if (stopped) return chain;
      stopped = true;
      unsubscribe();
      clearInterval(check);
      clearInterval(retry);
      await chain;
      await stopServers();
      setListenerState(core, { state: 'off', url: null, trustUrl: null, error: null });
    },
  };
}
