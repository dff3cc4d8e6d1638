import type { Channel, ChannelInput, ChannelOutput } from '../../../electron/core/shared/contract';
import { useSession } from '../stores/session';
import { checkStorageFault } from '../stores/storageFault';
import { ApiCallError } from './errors';
import { PUBLIC_CHANNELS } from './publicChannels';
import { send } from './transport';

/** Answers that may mean the data can no longer be used: the core then says so in `system.fault`. */
const STORAGE_FAULT_CODES = new Set(['DB_CORRUPT', 'DATA_READONLY']);

export function isPublicChannel(channel: Channel): boolean {
  return PUBLIC_CHANNELS.has(channel);
}

/**
 * The typed client: one call of the contract. Resolves with the channel's output or throws an
 * ApiCallError. A non-public call that finds the session gone sends the user back to sign in; a
 * call that finds the data damaged or read-only asks the core for its fault (the fault page shows).
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const isPublic = isPublicChannel(channel);
  const result = await send(channel, input);
  if (result.ok) {
    if (!isPublic) useSession.getState().touch();
    return result.data as ChannelOutput<C>;
  }
  const error = new ApiCallError(result.error);
  if (!isPublic && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED')) {
    useSession.getState().expire();
  }
  // a damaged (or unwritable) data file found while the app runs: the fault page replaces the app
  // at once, as it would after a restart, instead of a passing message
  if (STORAGE_FAULT_CODES.has(error.code) && channel !== 'system.fault') await checkStorageFault().catch(() => null);
  throw error;
}
