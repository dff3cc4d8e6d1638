import { type Channel, type ChannelInput, type ChannelOutput, contract } from '../../../electron/core/contract';
import { useSession } from '../stores/session';
import { ApiCallError } from './errors';
import { send } from './transport';

export function isPublicChannel(channel: Channel): boolean {
  return contract[channel].access === 'public';
}

/**
 * The typed client: one call of the contract. Resolves with the channel's output or throws an
 * ApiCallError. A non-public call that finds the session gone sends the user back to sign in.
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
  throw error;
}
