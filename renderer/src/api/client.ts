import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import type { ApiResult } from '../../../electron/core/shared/contract-kit';
import { useConnection, whenReachable } from '../stores/connection';
import { askSignInAgain } from '../stores/reauth';
import { useSession } from '../stores/session';
import { checkStorageFault } from '../stores/storageFault';
import { ApiCallError } from './errors';
import { PUBLIC_CHANNELS } from './publicChannels';
import { reopenEvents } from './events';
import { isUnanswered, NETWORK_ERROR, overHttp, send } from './transport';

/** Answers that may mean the data can no longer be used: the core then says so in `system.fault`. */
const STORAGE_FAULT_CODES = new Set(['DB_CORRUPT', 'DATA_READONLY']);

export function isPublicChannel(channel: Channel): boolean {
  return PUBLIC_CHANNELS.has(channel);
}

/** A key for one call (X-Request-Key): random, kept across its sendings. */
function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The office network's refusal of a device it does not know (electron/lan/listener.ts). */
const DEVICE_UNKNOWN = 'network.errors.deviceUnknown';

const signedIn = () => useSession.getState().phase === 'ready';
/** who is signed in now (a call waiting for the server is never sent again as somebody else) */
const signedInAs = () => (signedIn() ? (useSession.getState().user?.id ?? null) : null);

/**
 * Sends a signed-in call until the server answers it. Over HTTP the server can be gone for a while
 * (restarted, the office network down): the call then waits for it (the banner says so) and is sent
 * again under the same request key, so a change whose first sending did arrive is not made twice.
 * A session the server no longer knows (it was restarted) is asked for again in place, so the page
 * and what was typed in it stay.
 */
async function sendSignedIn(channel: Channel, input: unknown): Promise<ApiResult<unknown>> {
  const key = newRequestKey();
  const as = signedInAs();
  let result = await send(channel, input, key);
  if (!overHttp()) return result;
  for (;;) {
    if (isUnanswered(result) && signedIn()) {
      await whenReachable();
    } else if (!result.ok && result.error.messageKey === 'errors.unauthenticated' && signedIn()) {
      if (!(await askSignInAgain())) return result;
      reopenEvents();
    } else {
      return result;
    }
    // signed out (or another person signed in) meanwhile: the call ends here, unsent
    if (as === null || signedInAs() !== as) return NETWORK_ERROR;
    result = await send(channel, input, key);
  }
}

/**
 * The typed client: one call of the contract. Resolves with the channel's output or throws an
 * ApiCallError. A non-public call that finds the session gone sends the user back to sign in; a
 * call that finds the data damaged or read-only asks the core for its fault (the fault page shows).
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const isPublic = isPublicChannel(channel);
  const result = isPublic ? await send(channel, input) : await sendSignedIn(channel, input);
  if (result.ok) {
    if (!isPublic) useSession.getState().touch();
    return result.data as ChannelOutput<C>;
  }
  const error = new ApiCallError(result.error);
  // sent again after the connection dropped, and already made: the page loads again to show it
  if (error.code === 'ALREADY_DONE') useConnection.setState({ doneBeforeDrop: true });
  if (!isPublic && error.messageKey === DEVICE_UNKNOWN) {
    // this device's pairing was revoked (or it never was): the page then says so and how to pair
    window.location.reload();
  } else if (!isPublic && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED')) {
    useSession.getState().expire();
  }
  // a damaged (or unwritable) data file found while the app runs: the fault page replaces the app
  // at once, as it would after a restart, instead of a passing message
  if (STORAGE_FAULT_CODES.has(error.code) && channel !== 'system.fault') await checkStorageFault().catch(() => null);
  throw error;
}
