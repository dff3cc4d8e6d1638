import type { BrowserWindow, Session } from 'electron';
import { type ClientLaunch, serverLabel } from './client/launch-file';
import { clientWindowTitle } from './client/title';
import { verifyServerCertificate } from './client/verify';
import { DEVICE_SECRET_HEADER } from './lan/cookies';

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
