import type { ApiResult } from '../../../electron/core/shared/contract-kit';

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

const NETWORK_ERROR: ApiResult<never> = { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.network' } };

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Sends one call over whichever transport exists: IPC in Electron, `POST /api/<channel>` on the
 * local HTTP host (session and host token travel as HttpOnly cookies). Never throws.
 */
export async function send(channel: string, input: unknown): Promise<ApiResult<unknown>> {
  const payload = input ?? {};
  try {
    const bridge = desktopBridge();
    if (bridge) {
      const result = await bridge.invoke(channel, payload);
      return isApiResult(result) ? result : NETWORK_ERROR;
    }
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(payload),
    });
    const body: unknown = await response.json().catch(() => null);
    return isApiResult(body) ? body : NETWORK_ERROR;
  } catch {
    return NETWORK_ERROR;
  }
}
