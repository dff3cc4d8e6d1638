import type { Core } from '../core';
import { networkRuntime } from './runtime';
import type { NetworkStatus } from './shared/network.contract';

type ListenerState = NetworkStatus['listener'];

/** The shell (electron/lan) reports the listener's state here; network.status shows it. */
export function setListenerState(core: Core, s: ListenerState): void {
  networkRuntime(core).listener = { ...s };
}

/** The listener's state as last reported: off until the shell says otherwise. */
export const listenerState = (core: Core): ListenerState => ({ ...networkRuntime(core).listener });
