import type https from 'node:https';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Core } from '../core/core';
import type { Credentials } from '../core/network/certs';
import { DEVICE_REVOKED_EVENT, deviceBySecret, touchDevice } from '../core/network/devices';
import { apiHandler, cookieTransport, registerApiRoute } from '../http/api-route';
import { registerEventStream } from '../http/event-stream';
import { securityHeaders } from '../http/headers';
import { acceptJsonOnly } from '../http/json-body';
import { isApi, type RefusalError, refuse } from '../http/refusal';
import { serveRenderer } from '../http/renderer';
import { DEVICE_COOKIE, DEVICE_SECRET_HEADER, LAN_SESSION_COOKIE, LAN_SESSION_COOKIE_OPTS } from './cookies';
import { notPairedPage, PAIR_PAGE } from './pair-page';
import { redeemRoute } from './pair-redeem';

/**
 * The office network's listener (issue 18): the same app and dispatcher as the loopback host,
 * over HTTPS on one of this PC's addresses, to paired devices only. A device proves itself by
 * the `__Host-kh_device` cookie (a browser) or the `X-Device-Secret` header (another PC's app) on every
 * request; without one only the pairing page and its redeem answer. Each person still signs in
 * (the session cookie is found only from the device it was made on).
 *
 * No Strict-Transport-Security: the trust page (trust.ts) is plain HTTP on another port of the
 * same address, and HSTS applies to a host whatever its port, so a browser that once saw it here
 * would refuse the trust page there (and the CA could no longer be fetched to trust it).
 */
export interface LanOptions {
  core: Core;
  rendererDir: string;
  address: string;
  /** 0: any free port (tests) */
  port: number;
  /** the trust page's port, named on the not-paired page */
  trustPort: number;
  credentials: Credentials;
}

export interface RunningLan {
  /** https://address:port */
  url: string;
  port: number;
  /** serves renewed credentials from the next handshake on, without a restart */
  setCredentials(c: Credentials): void;
  close(): Promise<void>;
}

const PAIR_MAX_PER_MINUTE = 10;
const LOGIN_MAX_PER_MINUTE = 20;

/** The pairing routes answer JSON as /api/* does. */
const PAIR_REDEEM = '/pair/redeem';
/**
 * The phone page's home-screen icons: a browser may fetch a manifest's icons without the page's
 * cookies, and they say nothing about the archive.
 */
const PUBLIC_ICONS = new Set(['/m/icon-192.png', '/m/icon-512.png']);
const isJson = (req: FastifyRequest) => isApi(req) || req.url.startsWith('/pair/');
const pathOf = (req: FastifyRequest) => req.url.split('?')[0];
const tls = (c: Credentials) => ({ key: c.key, cert: c.cert + c.caCert });

export async function startLan(opts: LanOptions): Promise<RunningLan> {
  const { core, address } = opts;
  let current = opts.credentials;
  const app = Fastify({
    logger: false,
    bodyLimit: 50 * 1024 * 1024,
    forceCloseConnections: true,
    https: tls(current),
  });
  let port = 0;
  const deviceOf = new WeakMap<FastifyRequest, number>();
  const notPaired = notPairedPage(`http://${address}:${opts.trustPort}/`);
  await app.register(fastifyCookie);
  acceptJsonOnly(app, { logName: 'lan', isJson });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (): RefusalError => ({
      statusCode: 429,
      refusal: { code: 'FORBIDDEN', messageKey: 'network.errors.tooManyAttempts' },
    }),
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // DNS-rebinding guard: only the address we serve may be named
    const host = req.headers.host ?? '';
    if (host !== `${address}:${port}` && !(port === 443 && host === address)) {
      if (isJson(req)) return refuse(reply, 421, { code: 'BAD_REQUEST', messageKey: 'errors.misdirected' });
      return reply.code(421).type('text/plain').send('Misdirected request');
    }
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `https://${address}:${port}` &&
      !(port === 443 && origin === `https://${address}`)
    ) {
      if (isJson(req)) return refuse(reply, 403, { code: 'FORBIDDEN', messageKey: 'errors.foreignOrigin' });
      return reply.code(403).type('text/plain').send('Forbidden origin');
    }
    securityHeaders(reply);
    const p = pathOf(req);
    // what an unpaired device may do: these two paths exactly (a prefix would let `/pair/../x`
    // through to the static files, which normalise it)
    if (p === '/pair' || p === PAIR_REDEEM || PUBLIC_ICONS.has(p)) return;
    const header = req.headers[DEVICE_SECRET_HEADER];
    const secret = typeof header === 'string' ? header : req.cookies[DEVICE_COOKIE];
    const device = deviceBySecret(core, secret);
    if (!device) {
      if (isApi(req))
        return refuse(reply, 401, { code: 'UNAUTHENTICATED', messageKey: 'network.errors.deviceUnknown' });
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply.code(403).type('text/plain').send('Not paired');
      return reply
        .code(403)
        .header('Content-Security-Policy', notPaired.csp)
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(notPaired.html);
    }
    deviceOf.set(req, device.id);
    touchDevice(core, device.id, req.ip);
  });

  const transportOf = (req: FastifyRequest, reply: FastifyReply) =>
    cookieTransport(req, reply, LAN_SESSION_COOKIE_OPTS, deviceOf.get(req), LAN_SESSION_COOKIE);
  // sign-in is limited per address beside the lockout per account (which counts per name)
  app.post(
    '/api/auth.login',
    { config: { rateLimit: { max: LOGIN_MAX_PER_MINUTE, timeWindow: 60_000 } } },
    apiHandler(core, transportOf, 'auth.login'),
  );
  registerApiRoute(app, core, transportOf);
  const streams = registerEventStream(app, core, (req) => ({
    token: req.cookies[LAN_SESSION_COOKIE],
    deviceId: deviceOf.get(req) ?? null,
  }));
  // a revoked device's open streams end at once (its sessions ended before the event)
  const unsubscribe = core.events.subscribe((ev) => {
    if (ev.name !== DEVICE_REVOKED_EVENT) return;
    const { deviceId } = ev.payload as { deviceId: number };
    streams.endDevice(deviceId);
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get('/pair', (_req, reply) =>
    reply
      .header('Content-Security-Policy', PAIR_PAGE.csp)
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(PAIR_PAGE.html),
  );
  app.post(
    PAIR_REDEEM,
    // a proof is a few dozen bytes: an unpaired device may not send more
    { bodyLimit: 1024, config: { rateLimit: { max: PAIR_MAX_PER_MINUTE, timeWindow: 60_000 } } },
    redeemRoute(core, () => current.spkiSha256),
  );
  await serveRenderer(app, opts.rendererDir);

  try {
    await app.listen({ host: address, port: opts.port });
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `https://${address}:${port}`,
    port,
    setCredentials(c) {
      current = c;
      (app.server as https.Server).setSecureContext(tls(c));
    },
    close: () => app.close(),
  };
}
