import type { z } from 'zod';
import type { Actor } from './actor';
import type { Core } from './core';
import type { Channel, Contract } from './shared/contract';
import type { ChannelDef } from './shared/contract-kit';

/** What a transport (IPC or HTTP) gives the dispatcher: its session, and a way to change it. */
export interface TransportCtx {
  sessionToken: string | null;
  setSessionToken(token: string | null): void;
  /**
   * The paired device a call comes from over the office network (its `network_devices` id),
   * checked by the LAN listener before the call reaches the dispatcher; absent on this PC (IPC,
   * the loopback host).
   */
  deviceId?: number | null;
  /**
   * The key the page gave this call (HTTP header X-Request-Key): the same key on a call sent
   * again after the connection dropped. A change already made under it is not made twice.
   */
  requestKey?: string | null;
}

export interface HandlerCtx {
  core: Core;
  /** Non-null for every channel whose access is not `public` (the dispatcher ensures it). */
  actor: Actor | null;
  transport: TransportCtx;
}

/** A feature's channels: name → { input, output, access } (its shared/*.contract.ts). */
export type ContractShape = Record<string, ChannelDef>;

/** The handler of one channel: its parsed input in, its output (checked by the schema) out. */
type HandlerOf<D extends ChannelDef> = (
  ctx: HandlerCtx,
  input: z.output<D['input']>,
) => z.output<D['output']> | Promise<z.output<D['output']>>;

/** One handler per channel of a contract: a channel cannot exist without one. */
export type HandlersOf<K extends ContractShape> = { [C in keyof K]: HandlerOf<K[C]> };

/** The handler of one of the app's channels. */
export type Handler<C extends Channel> = HandlerOf<Contract[C]>;

/** A handler as the dispatcher holds it: the input was parsed by the channel's schema before. */
export type AnyHandler = (ctx: HandlerCtx, input: never) => unknown;

// registered: the same key even where a bundle holds two copies of this module
const POOL_READ = Symbol.for('kehu.poolRead');

/**
 * Marks a handler a pool read: it only reads, and the dispatcher runs it in the read pool
 * (core/reads) on a read-only connection of another thread, after checking the session, the
 * permission and the input in the main process. A read that may take long at 1M customers
 * (search, history, review candidates, log pages, counts) is one; cheap reads of small tables
 * stay on the main thread (a pool read pays a thread hop, and waits when the pool is busy).
 */
export function poolRead<I, O>(handler: (ctx: HandlerCtx, input: I) => O): (ctx: HandlerCtx, input: I) => O {
  return Object.assign((ctx: HandlerCtx, input: I) => handler(ctx, input), { [POOL_READ]: true });
}

/** Whether the handler was marked with poolRead. */
export function isPoolRead(handler: AnyHandler | undefined): boolean {
  return typeof handler === 'function' && (handler as { [POOL_READ]?: boolean })[POOL_READ] === true;
}
