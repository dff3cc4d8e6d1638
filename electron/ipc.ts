import { type IpcMainInvokeEvent, ipcMain, type WebContents, webContents } from 'electron';
import { z } from 'zod';
import { connect } from './client/connect';
import {
  type ConnectAnswer,
  LAUNCH_CHANNELS as C,
  type LauncherState,
  type RetryAnswer,
} from './core/network/shared/launch-bridge';
import { type ClientLaunch, writeLaunch } from './client/launch-file';
import { moveServer, probeServer, REACH_KEYS } from './client/reach';
import type { ApiResult } from './core/shared/contract-kit';
import type { Core } from './core/core';
import { dispatch } from './core/dispatch';

const refused: ApiResult<never> = { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } };

/**
 * Serves the contract over IPC. The session lives here, per window (webContents), never in the
 * renderer; only our own page's main frame may call. `core` may still be opening (the window
 * shows before it is): calls wait for it.
 */
export function registerIpc(opening: Core | Promise<Core>, isOwnPage: (url: string) => boolean): void {
  const sessionOf = new Map<number, string>();
  const ready = Promise.resolve(opening);

  ipcMain.handle('api:invoke', async (event, payload: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOwnPage(frame.url)) return refused; // top frame of our page only
    const { channel, input } = (payload ?? {}) as { channel?: unknown; input?: unknown };
    const id = event.sender.id;
    const core = await ready;
    return dispatch(core, typeof channel === 'string' ? channel : '', input, {
      sessionToken: sessionOf.get(id) ?? null,
      setSessionToken(token) {
        if (token) sessionOf.set(id, token);
        else sessionOf.delete(id);
      },
    });
  });

  void ready.then(
    (core) =>
      core.events.subscribe((ev) => {
        if (ev.internal) return;
        for (const [id, token] of sessionOf) {
          const s = core.sessions.lookup(token, false);
          if (s.state !== 'active') continue;
          if (ev.userId === undefined || ev.userId === s.userId)
            webContents.fromId(id)?.send('api:event', ev.name, ev.payload);
        }
      }),
    () => {}, // a core that failed to open: start() reports it
  );
}

/**
 * The launcher page's calls (preload.ts, `window.launch`), answered with the plain modules in
 * electron/client/. Only the launcher page's top frame may call. The main process decides what
 * follows: `toLocal` opens the archive as today, `toClient` the server's window.
 */
export interface LaunchIpcOptions {
  dataDir: string;
  isLauncherPage: (url: string) => boolean;
  state: () => LauncherState;
  /** the client launch the offline page retries (null on the first-run choice) */
  client: () => ClientLaunch | null;
  toLocal: () => void;
  toClient: (launch: ClientLaunch) => void;
  /** whether a page is the window shown now (an answer for a window already replaced opens nothing) */
  isCurrent: (sender: WebContents) => boolean;
}

const connectInput = z.object({
  text: z.string().max(1000),
  address: z.string().max(200),
  confirmedCa: z.string().max(200).optional(),
});
const moveInput = z.object({ address: z.string().max(200) });

const invalid = { ok: false, messageKey: 'launch.errors.codeMissing' } as const;

export function registerLaunchIpc(opts: LaunchIpcOptions): void {
  let decided = false;
  /** a pairing under way: 本机保存数据 waits for it (it may write launch.json as a client) */
  let connecting = false;
  const fromLauncher = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return !!frame && frame.parent === null && opts.isLauncherPage(frame.url);
  };
  const refuse = () => {
    throw new Error('not the launcher page');
  };

  ipcMain.handle(C.state, (event) => (fromLauncher(event) ? opts.state() : refuse()));

  ipcMain.handle(C.chooseLocal, (event) => {
    if (!fromLauncher(event)) return refuse();
    // only the first-run choice: a client that cannot reach its server never starts an empty archive by itself
    if (opts.state().screen !== 'choose' || decided || connecting) return refuse();
    decided = true;
    writeLaunch(opts.dataDir, { mode: 'local' });
    opts.toLocal();
  });

  ipcMain.handle(C.connect, async (event, payload: unknown): Promise<ConnectAnswer> => {
    if (!fromLauncher(event)) return refuse();
    const input = connectInput.safeParse(payload);
    if (!input.success) return invalid;
    if (decided || connecting) return refuse();
    connecting = true;
    let r: Awaited<ReturnType<typeof connect>>;
    try {
      r = await connect(input.data.text, {
        dataDir: opts.dataDir,
        address: input.data.address,
        confirmedCa: input.data.confirmedCa,
      });
    } finally {
      connecting = false;
    }
    if (!r.ok) return r;
    if (opts.isCurrent(event.sender)) opts.toClient(r.launch);
    return { ok: true };
  });

  ipcMain.handle(C.retry, async (event): Promise<RetryAnswer> => {
    if (!fromLauncher(event)) return refuse();
    const launch = opts.client();
    if (!launch) return { ok: false, messageKey: 'launch.errors.unreachable' };
    const reach = await probeServer(launch);
    if (reach !== 'ok') return { ok: false, messageKey: REACH_KEYS[reach] };
    if (opts.isCurrent(event.sender)) opts.toClient(launch);
    return { ok: true };
  });

  ipcMain.handle(C.moveServer, async (event, payload: unknown): Promise<RetryAnswer> => {
    if (!fromLauncher(event)) return refuse();
    const launch = opts.client();
    const input = moveInput.safeParse(payload);
    if (!launch || !input.success) return { ok: false, messageKey: 'launch.errors.addressInvalid' };
    const r = await moveServer(opts.dataDir, launch, input.data.address);
    if (!r.ok) return r;
    if (opts.isCurrent(event.sender)) opts.toClient(r.launch);
    return { ok: true };
  });
}
