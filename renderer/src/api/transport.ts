import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import { serverAnswered, serverUnreachable, setConnectionProbe } from '../stores/connection';

/** What the Electron preload exposes as `window.api`. */
interface DesktopBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  on(eventName: string, callback: (payload: unknown) => void): () => void;
}

/** The preload bridge when running inside Electron; undefined in a browser. */
export function desktopBridge(): DesktopBridge | undefined {
  const w = window as unknown as { api?: DesktopBridge };
  return typeof w.api !== 'undefined' ? w.api : undefined;
}

/** The answer when the server gave none (a call that may be sent again: client.ts). */
export const NETWORK_ERROR: ApiResult<never> = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.network' } };

export const isUnanswered = (result: ApiResult<unknown>) =>
  !result.ok && result.error.code === 'INTERNAL' && result.error.messageKey === NETWORK_ERROR.error.messageKey;

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function post(channel: string, payload: unknown, requestKey?: string): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (requestKey) headers['x-request-key'] = requestKey;
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(payload),
    });
  } catch {
    // no answer at all: the server is down, restarting, or the network between is
    serverUnreachable();
    return NETWORK_ERROR;
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isApiResult(body)) {
    // an answer cut off on its way is no answer: the call waits for the server like one never sent
    serverUnreachable();
    return NETWORK_ERROR;
  }
  serverAnswered();
  return body;
}

setConnectionProbe(async () => {
  try {
    const response = await fetch('/api/auth.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: '{}',
    });
    return response.status < 500;
  } catch {
    return false;
  }
});

/** Whether calls travel over HTTP (a browser, another PC's window): they can find the server gone. */
export const overHttp = () => !desktopBridge();

/**
 * Sends one call over whichever transport exists: IPC in Electron, `POST /api/<channel>` on the
 * local HTTP host or the office network's listener (session and device travel as HttpOnly
 * cookies). `requestKey` goes with it as X-Request-Key: the same key on a call sent again is not
 * done twice by the server. Never throws.
 */
export async function send(channel: string, input: unknown, requestKey?: string): Promise<ApiResult<unknown>> {
  const payload = input ?? {};
  try {
    const bridge = desktopBridge();
    if (bridge) {
      const result = await bridge.invoke(channel, payload);
      return isApiResult(result) ? result : NETWORK_ERROR;
    }
    return await post(channel, payload, requestKey);
  } catch {
    return NETWORK_ERROR;
  }
}
