import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
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

/**
 * The launcher page's calls (electron/launch-preload.ts), answered with the plain modules in
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
