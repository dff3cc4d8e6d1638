import type { z } from 'zod';
import { type Actor, loadActor } from './actor';
import type { ApiResult } from './shared/contract-kit';
import type { Core } from './core';
import { DomainError, Forbidden, Invalid, Refused, SessionExpired, Unauthenticated } from './errors';
import { refuseWhileFaulted, storageFaultOf } from './faults';
import { type HandlerCtx, isPoolRead, type TransportCtx } from './handler';
import { refusedTextFields } from './shared/normalize';

/** An i18n key such as `validation.required` or `customers.validation.uscc` (zod's own messages are sentences). */
const I18N_KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;

/** zod issues → { 'field.path': i18n key }. Schemas carry i18n keys as their messages. */
function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.join('.') : '_';
    if (fields[path]) continue;
    fields[path] = I18N_KEY.test(issue.message) ? issue.message : `validation.${issue.code}`;
  }
  return fields;
}

/** The actor as it acts on a paired device (the operation log records the device). */
const onDevice = (actor: Actor | null, deviceId: number | null): Actor | null =>
  actor && deviceId !== null ? { ...actor, deviceId } : actor;

function resolveActor(core: Core, def: { access: unknown }, transport: TransportCtx): Actor | null {
  if (def.access === 'public') {
    // public channels see who is signed in (auth.status) but do not count as activity
    const s = core.sessions.lookup(transport.sessionToken, false, transport.deviceId ?? null);
    return s.state === 'active' ? onDevice(loadActor(core, s.userId), s.deviceId) : null;
  }
  const s = core.sessions.lookup(transport.sessionToken, true, transport.deviceId ?? null);
  if (s.state === 'expired') throw SessionExpired();
  if (s.state === 'none') throw Unauthenticated();
  const actor = loadActor(core, s.userId);
  if (!actor) {
    core.sessions.end(transport.sessionToken);
    throw Unauthenticated();
  }
  return onDevice(actor, s.deviceId);
}

const DONE_SQL = 'SELECT 1 FROM operation_log WHERE request_key = ? LIMIT 1';

/**
 * A change sent again under the key of one already made (the page resent it after the
 * connection dropped, not knowing the first sending arrived): refused, with the reason, instead
 * of made twice. The first sending's log rows carry the key (writeLog, same transaction).
 */
function refuseIfDone(core: Core, requestKey: string): void {
  if (inFlight(core).has(requestKey) || core.statements.prepare(DONE_SQL).get(requestKey))
    throw Refused('ALREADY_DONE', 'errors.alreadyDone');
}

/** The request keys of the changes running now: a second sending while the first still runs is refused too. */
const IN_FLIGHT = Symbol('requestKeysInFlight');
function inFlight(core: Core): Set<string> {
  const holder = core as unknown as { [IN_FLIGHT]?: Set<string> };
  holder[IN_FLIGHT] ??= new Set();
  return holder[IN_FLIGHT];
}

/**
 * The one entry point of both transports: session → permission → input → handler → output.
 * A handler marked `poolRead` runs in the read pool, after the same checks, here in main.
 * The channels and handlers are those of the core's features (core.assembly), nothing else.
 * Every failure becomes `{ ok: false, error: { code, messageKey, fields? } }`; nothing leaks.
 */
export function dispatch(
  core: Core,
  channelName: string,
  rawInput: unknown,
  transport: TransportCtx,
): Promise<ApiResult<unknown>> {
  return answer(core, channelName, rawInput, transport, false) as Promise<ApiResult<unknown>>;
}

const OK_OPEN = Buffer.from('{"ok":true,"data":');
const CLOSE = Buffer.from('}');

/**
 * The same call, answered as the JSON text of its ApiResult (the HTTP host's body): the bytes
 * `JSON.stringify(await dispatch(...))` would give. A pool read's data comes as JSON bytes made
 * in its thread and is framed here without being parsed, so a large answer (a review page, a
 * search page) never becomes objects on the main thread, nor is stringified there.
 */
export async function dispatchJson(
  core: Core,
  channelName: string,
  rawInput: unknown,
  transport: TransportCtx,
): Promise<Buffer | string> {
  const a = await answer(core, channelName, rawInput, transport, true);
  return 'json' in a ? Buffer.concat([OK_OPEN, a.json, CLOSE]) : JSON.stringify(a);
}

async function answer(
  core: Core,
  channelName: string,
  rawInput: unknown,
  transport: TransportCtx,
  json: boolean,
): Promise<ApiResult<unknown> | { ok: true; json: Uint8Array }> {
  try {
    const { contract, handlers } = core.assembly;
    if (!Object.hasOwn(contract, channelName)) throw Refused('UNKNOWN_CHANNEL', 'errors.unknownChannel');
    refuseWhileFaulted(core, channelName);
    const def = contract[channelName];
    if (def.thisPcOnly && transport.deviceId != null) throw Refused('FORBIDDEN', 'network.errors.thisPcOnly');
    const actor = resolveActor(core, def, transport);
    if (typeof def.access === 'object' && !actor?.permissions.has(def.access.permission)) throw Forbidden();
    // the one text rule (normalize.ts) for every string of every channel, before any schema runs
    const refusedText = refusedTextFields(rawInput);
    if (refusedText) throw Invalid(refusedText);
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw Invalid(zodFields(parsed.error));
    const writes = 'writes' in def && !!def.writes;
    const key = writes && !def.replaySafe ? (transport.requestKey ?? null) : null;
    if (writes) {
      await core.writes.wait();
      if (key) refuseIfDone(core, key);
    }
    const handler = handlers[channelName] as (ctx: HandlerCtx, input: unknown) => unknown;
    // a long read runs in the read pool (core/reads), which parses its output with the same schema
    if (isPoolRead(handler)) {
      const call = { channel: channelName, input: parsed.data, actor };
      return json ? { ok: true, json: await core.reads.runJson(call) } : { ok: true, data: await core.reads.run(call) };
    }
    if (key) inFlight(core).add(key);
    try {
      const keyed = actor && transport.requestKey ? { ...actor, requestKey: transport.requestKey } : actor;
      const out = await handler({ core, actor: keyed, transport }, parsed.data);
      return { ok: true, data: def.output.parse(out) };
    } finally {
      if (key) inFlight(core).delete(key);
    }
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err.toApiError() };
    console.error(`[dispatch] ${channelName} failed:`, err);
    // disk full, read-only data, damaged file: said as such (nothing was saved), not INTERNAL
    const fault = storageFaultOf(core, err);
    return { ok: false, error: fault?.toApiError() ?? { code: 'INTERNAL', messageKey: 'errors.internal' } };
  }
}
