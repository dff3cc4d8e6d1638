/**
 * The launcher page's window onto the main process (`window.launch`, electron/preload.ts at #launcher):
 * what it may ask and what it is told. No Node imports: the renderer imports these types.
 * The device secret never reaches the page.
 */

/** What the launcher shows: the first-run choice, or that the office server is not answering. */
export type LauncherState =
  | { screen: 'choose' }
  | {
      screen: 'offline';
      /** ADDRESS:PORT */
      server: string;
      /** why the last try failed (`launch.errors.*`) */
      messageKey: string;
    };

export type ConnectAnswer =
  | { ok: true }
  | { ok: false; messageKey: string }
  /** a typed short code: the server's CA fingerprint, to compare with the server PC's before the code is sent */
  | { ok: false; confirm: { caFingerprint: string; server: string } };

export type RetryAnswer = { ok: true } | { ok: false; messageKey: string };

export interface LaunchBridge {
  state(): Promise<LauncherState>;
  /** 本机保存数据: only from the first-run choice */
  chooseLocal(): Promise<void>;
  connect(text: string, address: string, confirmedCa?: string): Promise<ConnectAnswer>;
  /** tries the server again now (the page asks every few seconds while offline) */
  retry(): Promise<RetryAnswer>;
  /** 服务器地址已更改: the same server (same CA and device secret) at another address */
  moveServer(address: string): Promise<RetryAnswer>;
}

/** The launcher is the app's own page opened at this hash: the preload then gives it `window.launch`. */
export const LAUNCHER_HASH = '#launcher';

export const LAUNCH_CHANNELS = {
  state: 'launch:state',
  chooseLocal: 'launch:chooseLocal',
  connect: 'launch:connect',
  retry: 'launch:retry',
  moveServer: 'launch:moveServer',
} as const;

/** How often the offline page tries the server again. */
export const RETRY_SECONDS = 5;
