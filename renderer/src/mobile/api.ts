import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';

/**
 * The phone page's own small client: `POST /api/<channel>` with the LAN session and device
 * cookies (same origin). It never throws: no answer at all (offline, the server down, an answer
 * cut off) is NETWORK_ERROR, which the sync treats as "try again later".
 */
export const NETWORK_ERROR = { ok: false, error: { code: 'NETWORK', messageKey: 'm.errors.network' } } as const;

export type Answer<C extends Channel> = ApiResult<ChannelOutput<C>> | typeof NETWORK_ERROR;

export const isNetworkError = (r: { ok: boolean; error?: { code: string } }) => !r.ok && r.error?.code === 'NETWORK';

/** a call with no answer after this long is no answer (a server PC asleep, Wi-Fi half there): tried again later */
const TIMEOUT_MS = 30_000;

export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  /** the same key on a call sent again: the server does not do it twice (X-Request-Key) */
  requestKey?: string,
): Promise<Answer<C>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json', ...(requestKey ? { 'x-request-key': requestKey } : {}) },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json().catch(() => null);
    if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean')
      return NETWORK_ERROR;
    return body as ApiResult<ChannelOutput<C>>;
  } catch {
    return NETWORK_ERROR;
  }
}
