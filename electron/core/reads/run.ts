import type { Actor } from '../actor';
import type { Core } from '../core';
import { type AnyHandler, type HandlerCtx, isPoolRead, type TransportCtx } from '../handler';

/** A pool read sees no transport: sessions stay in the main process. */
const NO_TRANSPORT: TransportCtx = {
  sessionToken: null,
  setSessionToken() {
    throw new Error('a pool read does not change the session');
  },
};

/** One read of the pool: the channel, its input already parsed in main, who asks, and main's "now". */
export interface ReadCall {
  channel: string;
  input: unknown;
  actor: Actor | null;
  /** the main core's clock at the call (UTC ISO): the read's "now" */
  at: string;
}

/**
 * Runs a pool read's handler on `core` (a core on a read connection) and parses its output with
 * the channel's schema, as the dispatcher would. With `snapshot`, the whole call is one read
 * transaction, begun now: it sees every write acknowledged before the call, and one state of the
 * data for all its statements (a count and its page agree).
 */
export async function runRead(core: Core, call: ReadCall, snapshot: boolean): Promise<unknown> {
  const { contract, handlers } = core.assembly;
  const handler = handlers[call.channel] as AnyHandler | undefined;
  if (!Object.hasOwn(contract, call.channel) || !isPoolRead(handler)) {
    throw new Error(`${call.channel} is not a pool read of this core`);
  }
  const ctx: HandlerCtx = { core, actor: call.actor, transport: NO_TRANSPORT };
  if (snapshot) core.sqlite.exec('BEGIN');
  try {
    const out = await (handler as (ctx: HandlerCtx, input: unknown) => unknown)(ctx, call.input);
    return contract[call.channel].output.parse(out);
  } catch (err) {
    throw asReadError(call.channel, err);
  } finally {
    if (snapshot && core.sqlite.inTransaction) core.sqlite.exec('COMMIT');
  }
}

const utf8 = new TextEncoder();

/**
 * The JSON bytes of a read's parsed output, exactly as JSON.stringify (what the HTTP host did
 * with the object) writes it, in a buffer of their own (TextEncoder never hands out a slice of a
 * shared pool, as Buffer.from may), so a thread can transfer it. `undefined` → `null`.
 */
export function jsonBytes(value: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(value) ?? 'null');
}

/**
 * A write on a read connection is a programming error of the handler (marked a pool read, yet it
 * writes), not read-only data: said so, without SQLite's code, so the dispatcher answers INTERNAL
 * rather than telling the user their data folder cannot be written.
 */
function asReadError(channel: string, err: unknown): unknown {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (!code.startsWith('SQLITE_READONLY')) return err;
  return new Error(`${channel} is marked a pool read but writes: ${err instanceof Error ? err.message : String(err)}`);
}
