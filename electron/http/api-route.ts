import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Core } from '../core/core';
import { dispatchJson } from '../core/dispatch';
import type { TransportCtx } from '../core/handler';
import { refuse } from './refusal';

/** The session's cookie, on both servers (HttpOnly; Secure on the LAN listener). */
export const SESSION_COOKIE = 'kh_session';

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure?: boolean;
}

/** The header a page's call carries so that sending it again after a dropped connection is not done twice. */
export const REQUEST_KEY_HEADER = 'x-request-key';
const REQUEST_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** The call's request key; undefined without one. A malformed one is refused (apiHandler) before any work. */
function requestKeyOf(req: FastifyRequest): string | undefined {
  const v = req.headers[REQUEST_KEY_HEADER];
  return typeof v === 'string' && REQUEST_KEY.test(v) ? v : undefined;
}

const malformedKey = (req: FastifyRequest) => {
  const v = req.headers[REQUEST_KEY_HEADER];
  return v !== undefined && (typeof v !== 'string' || !REQUEST_KEY.test(v));
};

/** The transport of a request whose session travels in the session cookie; `deviceId` on the LAN. */
export function cookieTransport(
  req: FastifyRequest,
  reply: FastifyReply,
  cookie: CookieOptions,
  deviceId?: number,
  name: string = SESSION_COOKIE,
): TransportCtx {
  const ctx: TransportCtx = {
    sessionToken: req.cookies[name] ?? null,
    setSessionToken(t) {
      if (t) reply.setCookie(name, t, cookie);
      else reply.clearCookie(name, cookie);
    },
  };
  if (deviceId !== undefined) ctx.deviceId = deviceId;
  const key = requestKeyOf(req);
  if (key) ctx.requestKey = key;
  return ctx;
}

type TransportOf = (req: FastifyRequest, reply: FastifyReply) => TransportCtx;

/** `POST /api/<channel>` (or one fixed channel's own path, for a route with options of its own). */
export function apiHandler(core: Core, transportOf: TransportOf, fixedChannel?: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const channel = fixedChannel ?? (req.params as { channel: string }).channel;
    if (malformedKey(req)) return refuse(reply, 400, { code: 'BAD_REQUEST', messageKey: 'errors.badRequest' });
    const body = await dispatchJson(core, channel, req.body, transportOf(req, reply));
    // the answer's JSON text as it is (a pool read's was made in its thread): not stringified here
    return reply.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
  };
}

export function registerApiRoute(
  app: FastifyInstance,
  core: Core,
  transportOf: TransportOf,
  options: RouteShorthandOptions = {},
): void {
  app.post('/api/:channel', options, apiHandler(core, transportOf));
}
