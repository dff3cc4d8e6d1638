import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, type Session, session, shell } from 'electron';
import { defaultMigrationsFolder } from '../db/open';
import { LAUNCHER_HASH, type LauncherState } from './core/network/shared/launch-bridge';
import { type ClientLaunch, readLaunch, serverLabel } from './client/launch-file';
import { clientWindowTitle } from './client/title';
import { verifyServerCertificate } from './client/verify';
import { DEVICE_SECRET_HEADER } from './lan/cookies';
import { probeServer, REACH_KEYS } from './client/reach';
import { backupOnExit } from './core/backup/schedule';
import { startBackgroundJobs } from './core/background';
import { closeCore, openCoreOrFault } from './core/core';
import { APP_DIR_NAME } from './core/paths';
import { registerIpc, registerLaunchIpc } from './ipc';
import { startLanManager } from './lan/manager';

// Same data folder as `npm run web` (see core/paths.ts); KEHU_DATA_DIR or --data-dir override it.
const dataDirArg = process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
app.setPath('userData', dataDirArg ?? process.env.KEHU_DATA_DIR ?? path.join(app.getPath('appData'), APP_DIR_NAME));

const appRoot = app.getAppPath();
const indexHtml = path.join(appRoot, 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).toString();
const isOwnPage = (url: string) => url.split('#')[0] === indexUrl;

interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

function readWindowState(): WindowState {
  try {
    return { width: 1280, height: 800, ...JSON.parse(fs.readFileSync(stateFile(), 'utf8')) };
  } catch {
    return { width: 1280, height: 800 };
  }
}

const SHOW_AT_LATEST_MS = 400;
/** How long a client PC waits for its server before showing the launcher's connecting page. */
const QUICK_PROBE_MS = 1_500;

/**
 * A window: the app's own page with its preload (the default), the launcher's page with its own
 * (the same preload, at #launcher: `window.launch`), or a client PC's server page with none (`preload: null`).
 */
function createWindow(
  load: { url: string; preload: string | null } = { url: indexUrl, preload: 'preload.js' },
): BrowserWindow {
  const state = readWindowState();
  const win = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    // the skeleton's colour (renderer/index.html): no white flash before the page paints
    backgroundColor: '#f5f5f5',
    show: false,
    webPreferences: {
      ...(load.preload ? { preload: path.join(__dirname, load.preload) } : {}),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  // shown once the skeleton is painted (index.html draws it before any script), or after a
  // moment anyway: the window must appear within a second even on a slow start
  const show = () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  };
  win.once('ready-to-show', show);
  setTimeout(show, SHOW_AT_LATEST_MS);
  win.on('close', () => {
    const b = win.getNormalBounds();
    try {
      fs.writeFileSync(stateFile(), JSON.stringify({ ...b, maximized: win.isMaximized() }));
    } catch {
      // a read-only or full data folder: the window's size is not remembered (the page said why)
    }
  });
  void win.loadURL(load.url).catch(() => undefined); // a failed load: did-fail-load says so
  return win;
}

/** The window shown now (the second instance and `activate` bring it forward). */
let win: BrowserWindow | null = null;
/** In client mode, the office server's origin: the only place beside our own page a window may go. */
let client: ClientLaunch | null = null;
/** Opens the mode's window again when none is left (macOS's dock, a second start). */
let reopen: () => void = () => show(createWindow());

function show(next: BrowserWindow): void {
  const old = win;
  win = next;
  // the new window first, then the old one closes: never no window at all (that would quit)
  if (old && old !== next && !old.isDestroyed()) old.destroy();
}

async function start() {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // Security: no permissions, no navigation away, no new windows, no webviews.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!isOwnPage(url) && !(client && isServerUrl(client, url))) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://') && !(client && isServerUrl(client, url))) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) reopen();
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) reopen();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // This PC holds the archive (today's behaviour, also after an upgrade: an archive without
  // launch.json is local), is a client of the office server, or is asked which (first start).
  const dataDir = app.getPath('userData');
  const launch = readLaunch(dataDir);
  let launcher: LauncherState = { screen: 'choose' };
  const openLauncher = (state: LauncherState) => {
    launcher = state;
    // the Dock (macOS) or a second start opens the launcher again, not the app's window without its core
    if (!client) reopen = () => openLauncher(launcher);
    show(createWindow({ url: `${indexUrl}${LAUNCHER_HASH}`, preload: 'preload.js' }));
  };
  const toClient = (l: ClientLaunch) => {
    client = l;
    reopen = () => toClient(l);
    // from now on the launcher can only be the offline page (never the first-run choice again)
    launcher = { screen: 'offline', server: serverLabel(l.serverUrl), messageKey: 'launch.errors.unreachable' };
    secureClientSession(session.defaultSession, l);
    const next = createWindow({ url: `${l.serverUrl}/`, preload: null });
    showServerInTitle(next, l);
    // the server's page could not be loaded (the server went away since the check): the offline page
    next.webContents.on('did-fail-load', (_e, code, _desc, _url, isMainFrame) => {
      // -3: a load replaced by another (not a failure)
      if (isMainFrame && code !== -3 && win === next)
        openLauncher({ screen: 'offline', server: serverLabel(l.serverUrl), messageKey: 'launch.errors.unreachable' });
    });
    // the server refused this PC (its pairing was revoked: the listener answers 403 with its
    // not-paired page): the launcher says so and offers 重新配对, instead of the browser's pairing page
    next.webContents.on('did-navigate', (_e, url, status) => {
      if (status === 403 && isServerUrl(l, url) && win === next)
        openLauncher({ screen: 'offline', server: serverLabel(l.serverUrl), messageKey: 'launch.errors.revoked' });
    });
    show(next);
  };
  // the launcher's calls exist only where a launcher can be shown (first start, a client PC)
  if (launch?.mode !== 'local')
    registerLaunchIpc({
      dataDir,
      isLauncherPage: isOwnPage,
      state: () => launcher,
      client: () => client,
      toLocal: () => {
        void startLocal().catch(fail);
      },
      toClient,
      isCurrent: (sender) => !!win && !win.isDestroyed() && win.webContents === sender,
    });

  if (launch?.mode === 'client') {
    client = launch;
    reopen = () => toClient(launch);
    const server = serverLabel(launch.serverUrl);
    // the server's page when it answers; a window within a moment whatever happens (an unreachable
    // address may take seconds to fail): the launcher says it is connecting, and retries
    const probing = probeServer(launch);
    const quick = await Promise.race([probing, new Promise<null>((r) => setTimeout(() => r(null), QUICK_PROBE_MS))]);
    if (quick === 'ok') return toClient(launch);
    openLauncher({ screen: 'offline', server, messageKey: quick ? REACH_KEYS[quick] : 'launch.offline.connecting' });
    const reach = await probing;
    if (reach === 'ok' && win && isOwnPage(win.webContents.getURL())) toClient(launch);
    else if (reach !== 'ok') launcher = { screen: 'offline', server, messageKey: REACH_KEYS[reach] };
    return;
  }
  if (launch === null) {
    openLauncher({ screen: 'choose' });
    return;
  }
  await startLocal();
}

/** This PC holds the archive: the app's window, the core, its background jobs and the office network. */
async function startLocal() {
  // The window first: it shows its skeleton while the core opens (migrations, the integrity
  // check); the page's calls wait for the core (registerIpc takes the promise).
  show(createWindow());
  // data that cannot be used (full disk, read-only folder, damaged file) opens the window all the
  // same: the page then explains what happened, where, and what to do (core/faults.ts)
  const opening = openCoreOrFault({
    dataDir: app.getPath('userData'),
    migrationsFolder: defaultMigrationsFolder(appRoot),
  });
  registerIpc(opening, isOwnPage);
  const core = await opening;
  // started even in a fault: each round skips its timers while the core is in one (background.ts),
  // and runs them once a damaged file's backup is restored (the core leaves the fault)
  const stopJobs = startBackgroundJobs(core);
  // the office network (设置 → 办公室网络) beside the window, when the settings turn it on
  const lan = startLanManager({ core, rendererDir: path.join(appRoot, 'dist', 'renderer') });
  let exitBackupDone = false;
  app.on('will-quit', (event) => {
    if (!exitBackupDone) {
      // the backup on exit (only when data changed; bounded): quit again once it is made
      event.preventDefault();
      exitBackupDone = true;
      // the timers stop first, and a round in progress ends, then the office network's servers
      // close, so nothing runs beside the backup
      void stopJobs()
        .then(() => lan)
        // bounded like the web host's: a certificate job in flight must not hold the quit
        .then((l) => Promise.race([l.stop(), new Promise((r) => setTimeout(r, 5_000).unref())]))
        .then(() => backupOnExit(core))
        .finally(() => app.quit());
      return;
    }
    closeCore(core); // a damaged file is left as it was (no checkpoint)
  });
}

function fail(err: unknown) {
  // never a silent exit: whatever else failed is shown before quitting
  console.error(err);
  dialog.showErrorBox(app.getName(), err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
}

start().catch(fail);

/**
 * A client PC's window onto the office server (issue 18): the server's own app, served over
 * HTTPS, with no preload (the page then calls the API over HTTP, as a browser does). This file is
 * the Electron glue only; what decides is in electron/client/.
 */

/**
 * The session's part: only certificates verifyServerCertificate accepts for the server's address
 * (signed by the CA pinned at pairing; any other host is refused), and the device secret on every
 * request to the server's origin (never to another).
 */
export function secureClientSession(ses: Session, launch: ClientLaunch): void {
  const url = new URL(launch.serverUrl);
  const host = url.hostname;
  ses.setCertificateVerifyProc((request, callback) => {
    const ok =
      request.hostname === host && verifyServerCertificate(request.certificate.data, launch.caCert, host, new Date());
    callback(ok ? 0 : -2);
  });
  ses.webRequest.onBeforeSendHeaders({ urls: [`${url.origin}/*`] }, (details, callback) => {
    const headers = { ...details.requestHeaders };
    if (new URL(details.url).origin === url.origin) headers[DEVICE_SECRET_HEADER] = launch.deviceSecret;
    callback({ requestHeaders: headers });
  });
}

/** Whether `url` is on the server's origin (the only place a client's window may go). */
export function isServerUrl(launch: ClientLaunch, url: string): boolean {
  try {
    return new URL(url).origin === new URL(launch.serverUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The window's title names the server, in the page's language: 客户管理 — 已连接到 192.168.1.10:5443.
 */
export function showServerInTitle(win: BrowserWindow, launch: ClientLaunch): void {
  const server = serverLabel(launch.serverUrl);
  const update = (pageTitle: string) => {
    if (win.isDestroyed()) return;
    win.webContents
      .executeJavaScript('document.documentElement.lang', false)
      .catch(() => 'zh-CN')
      .then((lang) => {
        if (!win.isDestroyed()) win.setTitle(clientWindowTitle(pageTitle, server, String(lang)));
      });
  };
  win.setTitle(clientWindowTitle('', server, 'zh-CN'));
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    update(title);
  });
}
