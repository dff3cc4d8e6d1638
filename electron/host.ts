import { randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Core } from './core/core';
import { cookieTransport, registerApiRoute, SESSION_COOKIE } from './http/api-route';
import { registerEventStream } from './http/event-stream';
import { securityHeaders } from './http/headers';
import { acceptJsonOnly } from './http/json-body';
import { isApi, refuse } from './http/refusal';
import { serveRenderer } from './http/renderer';

/**
 * The local HTTP host: serves the built renderer and the same dispatcher as the Electron IPC,
 * over `POST /api/<channel>`. Binds 127.0.0.1 only, checks the Host header, and requires the
 * random per-launch token (given once in the URL, then kept as an HttpOnly cookie). What it
 * shares with the office network's listener (electron/lan) is in electron/http.
 */
interface HostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  /** URL to open in a browser: carries the token once */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST_COOKIE = 'kh_host';
const COOKIE_OPTS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const { core } = opts;
  // on close every kept-alive connection is cut, not only idle ones: a browser may send a new
  // request (its event stream reconnecting) on a kept-alive socket while the host is stopping
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024, forceCloseConnections: true });
  let port = 0;
  await app.register(fastifyCookie);
  acceptJsonOnly(app, { logName: 'host' });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // DNS-rebinding guard: only our own address may be named in the Host header
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      if (isApi(req)) return refuse(reply, 421, { code: 'BAD_REQUEST', messageKey: 'errors.misdirected' });
      return reply.code(421).type('text/plain').send('Misdirected request');
    }
    // a page from anywhere else may not call us (the browser names it in Origin; tools send none)
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      if (isApi(req)) return refuse(reply, 403, { code: 'FORBIDDEN', messageKey: 'errors.foreignOrigin' });
      return reply.code(403).type('text/plain').send('Forbidden origin');
    }
    securityHeaders(reply);
    const query = req.query as { token?: string };
    if (req.method === 'GET' && req.url.split('?')[0] === '/' && sameToken(query.token, token)) {
      reply.setCookie(HOST_COOKIE, token, COOKIE_OPTS);
      return reply.redirect('/', 302);
    }
    if (!sameToken(req.cookies[HOST_COOKIE], token) && !sameToken(req.headers['x-host-token'] as string, token)) {
      if (isApi(req)) return refuse(reply, 401, { code: 'UNAUTHENTICATED', messageKey: 'errors.hostToken' });
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send(
          '请打开 npm run web 打印的完整地址（含访问令牌）。 Open the full URL printed by `npm run web` (it carries the access token).',
        );
    }
  });

  registerApiRoute(app, core, (req, reply) => cookieTransport(req, reply, COOKIE_OPTS));
  // Server-sent events for the signed-in session (progress, session ended, ...)
  registerEventStream(app, core, (req) => ({ token: req.cookies[SESSION_COOKIE], deviceId: null }));
  await serveRenderer(app, opts.rendererDir);

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return { url, openUrl: `${url}/?token=${token}`, port, token, close: () => app.close() };
}
