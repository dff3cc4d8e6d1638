import { timingSafeEqual, randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { Core } from './core/core';
import { dispatch } from './core/dispatch';

/**
 * The local HTTP host: serves the built renderer and the same dispatcher as the Electron IPC,
 * over `POST /api/<channel>`. Binds 127.0.0.1 only, checks the Host header, and requires the
 * random per-launch token (given once in the URL, then kept as an HttpOnly cookie).
 */
export interface HostOptions {
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

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const { core } = opts;
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });
  let port = 0;
  const streams = new Set<import('node:http').ServerResponse>();
  // event streams never finish by themselves: end them so close() does not wait forever
  app.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });
  await app.register(fastifyCookie);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // DNS-rebinding guard: only our own address may be named in the Host header
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return reply.code(421).type('text/plain').send('Misdirected request');
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
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send('请打开 npm run web 打印的完整地址（含访问令牌）。 Open the full URL printed by `npm run web` (it carries the access token).');
    }
  });

  app.post<{ Params: { channel: string } }>('/api/:channel', async (req, reply) => {
    const result = await dispatch(core, req.params.channel, req.body, {
      sessionToken: req.cookies[SESSION_COOKIE] ?? null,
      setSessionToken(t) {
        if (t) reply.setCookie(SESSION_COOKIE, t, COOKIE_OPTS);
        else reply.clearCookie(SESSION_COOKIE, COOKIE_OPTS);
      },
    });
    return reply.header('Cache-Control', 'no-store').send(result);
  });

  // Server-sent events for the signed-in session (progress, session ended, ...)
  app.get('/api/events', (req, reply) => {
    const s = core.sessions.lookup(req.cookies[SESSION_COOKIE], false);
    if (s.state !== 'active') return reply.code(401).send();
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    reply.raw.write(': connected\n\n');
    streams.add(reply.raw);
    const unsubscribe = core.events.subscribe((ev) => {
      if (ev.userId === undefined || ev.userId === s.userId) {
        reply.raw.write(`event: ${ev.name}\ndata: ${JSON.stringify(ev.payload ?? null)}\n\n`);
      }
    });
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    req.raw.on('close', () => {
      streams.delete(reply.raw);
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  await app.register(fastifyStatic, { root: opts.rendererDir, index: 'index.html', cacheControl: false });

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return { url, openUrl: `${url}/?token=${token}`, port, token, close: () => app.close() };
}
