import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { defaultMigrationsFolder } from '../db/open';
import { backupOnExit } from './core/backup/schedule';
import { startBackgroundJobs } from './core/background';
import { closeCore, openCoreOrFault } from './core/core';
import { APP_DIR_NAME } from './core/paths';
import { registerIpc } from './ipc';
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

function createWindow(): BrowserWindow {
  const state = readWindowState();
  const win = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 600,
    // the skeleton's colour (renderer/index.html): no white flash before the page paints
    backgroundColor: '#f5f5f5',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
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
  win.loadURL(indexUrl);
  return win;
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
      if (!isOwnPage(url)) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  // The window first: it shows its skeleton while the core opens (migrations, the integrity
  // check); the page's calls wait for the core (registerIpc takes the promise).
  let win = createWindow();
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
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
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

start().catch((err) => {
  // never a silent exit: whatever else failed is shown before quitting
  console.error(err);
  dialog.showErrorBox(app.getName(), err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
});
