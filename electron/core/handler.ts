import type { Actor } from './actor';
import type { Channel, ChannelOutput, ParsedInput } from './shared/contract';
import type { Core } from './core';

/** What a transport (IPC or HTTP) gives the dispatcher: its session, and a way to change it. */
export interface TransportCtx {
  sessionToken: string | null;
  setSessionToken(token: string | null): void;
}

export interface HandlerCtx {
  core: Core;
  /** Non-null for every channel whose access is not `public` (the dispatcher ensures it). */
  actor: Actor | null;
  transport: TransportCtx;
}

export type Handler<C extends Channel> = (
  ctx: HandlerCtx,
  input: ParsedInput<C>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel of the contract: a channel cannot exist without one. */
export type Handlers = { [C in Channel]: Handler<C> };
