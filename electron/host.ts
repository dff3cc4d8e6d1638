import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { ApiError, ApiResult } from './core/shared/contract-kit';
import type { Core } from './core/core';
import { dispatchJson } from './core/dispatch';

/**
 * The local HTTP host: serves the built renderer and the same dispatcher as the Electron IPC,
 * over `POST /api/<channel>`. Binds 127.0.0.1 only, checks the Host header, and requires the
 * random per-launch token (given once in the URL, then kept as an HttpOnly cookie).
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
const SESSION_COOKIE = 'kh_session';
const COOKIE_OPTS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A refusal in the contract's shape: every /api/* failure answers like this, whatever failed. */
function refuse(reply: FastifyReply, status: number, error: ApiError): FastifyReply {
  const body: ApiResult<never> = { ok: false, error };
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
}
const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');
/** What fastify's own request errors (body parsing, size) mean, as the contract says them. */
function requestError(status: number): { status: number; error: ApiError } {
  if (status === 413) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.bodyTooLarge' } };
  if (status === 415) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.badContentType' } };
  if (status >= 400 && status < 500) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.badRequest' } };
  return { status: 500, error: { code: 'INTERNAL', messageKey: 'errors.internal' } };
}

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
  let closing = false;
  const streams = new Set<import('node:http').ServerResponse>();
  // event streams never finish by themselves: end them so close() does not wait forever, and
  // open no new one once closing has begun
  app.addHook('preClose', async () => {
    closing = true;
    for (const s of streams) s.end();
  });
  await app.register(fastifyCookie);

  // Bodies: JSON only (a form post or text/plain is what a foreign page could send without a
  // preflight; a body without a content type is refused too). No body, or an empty JSON body,
  // means {}, as for IPC.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, {});
    return parseJson(req, body as string, done);
  });
  app.setErrorHandler((err: { statusCode?: number }, req, reply) => {
    const { status, error } = requestError(err.statusCode ?? 500);
    if (status === 500) console.error('[host] request failed:', err);
    if (isApi(req)) return refuse(reply, status, error);
    return reply
      .code(status)
      .type('text/plain; charset=utf-8')
      .send(status === 500 ? 'Internal error' : 'Bad request');
  });
  app.setNotFoundHandler((req, reply) => {
    if (isApi(req)) return refuse(reply, 404, { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' });
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

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
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Content-Security-Policy', CSP);
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

  app.post<{ Params: { channel: string } }>('/api/:channel', async (req, reply) => {
    const body = await dispatchJson(core, req.params.channel, req.body, {
      sessionToken: req.cookies[SESSION_COOKIE] ?? null,
      setSessionToken(t) {
        if (t) reply.setCookie(SESSION_COOKIE, t, COOKIE_OPTS);
        else reply.clearCookie(SESSION_COOKIE, COOKIE_OPTS);
      },
    });
    // the answer's JSON text as it is (a pool read's was made in its thread): not stringified here
    return reply.header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
  });

  // Server-sent events for the signed-in session (progress, session ended, ...)
  app.get('/api/events', (req, reply) => {
    if (closing) return reply.code(503).header('Connection', 'close').send();
    const s = core.sessions.lookup(req.cookies[SESSION_COOKIE], false);
    if (s.state !== 'active') {
      return refuse(reply, 401, { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' });
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    streams.add(reply.raw);
    const token = req.cookies[SESSION_COOKIE];
    const unsubscribe = core.events.subscribe((ev) => {
      if (reply.raw.writableEnded || (ev.userId !== undefined && ev.userId !== s.userId)) return;
      const live = core.sessions.lookup(token, false).state === 'active';
      // a stream outlives nothing of its session: the news of its end is its last event
      if (live || ev.name === 'session.ended') {
        reply.raw.write(`event: ${ev.name}\ndata: ${JSON.stringify(ev.payload ?? null)}\n\n`);
      }
      if (!live) reply.raw.end();
    });
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    req.raw.on('close', () => {
      streams.delete(reply.raw);
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  // The renderer: the build's brotli/gzip copies when the browser takes them (build/precompress.mts),
  // hashed assets cached for good (their name changes with their content), the page itself
  // revalidated on every load so a new build is seen at once.
  const assetsDir = path.join(path.resolve(opts.rendererDir), 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: opts.rendererDir,
    // '/' is served by the route below: with preCompressed, @fastify/static answers 404 for a
    // folder's index that has no compressed copy (a tiny or hand-made index.html)
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', file.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_req, reply) => reply.sendFile('index.html'));

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return { url, openUrl: `${url}/?token=${token}`, port, token, close: () => app.close() };
}
