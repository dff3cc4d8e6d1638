import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Core } from '../core/core';
import { dispatchJson } from '../core/dispatch';
import type { TransportCtx } from '../core/handler';

/** The session's cookie, on both servers (HttpOnly; Secure on the LAN listener). */
export const SESSION_COOKIE = 'kh_session';

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure?: boolean;
}

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
  return ctx;
}

type TransportOf = (req: FastifyRequest, reply: FastifyReply) => TransportCtx;

/** `POST /api/<channel>` (or one fixed channel's own path, for a route with options of its own). */
export function apiHandler(core: Core, transportOf: TransportOf, fixedChannel?: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const channel = fixedChannel ?? (req.params as { channel: string }).channel;
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
