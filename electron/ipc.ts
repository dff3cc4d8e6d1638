import { ipcMain, webContents } from 'electron';
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
