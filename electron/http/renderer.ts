import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { MOBILE_CSP } from './headers';

/** the phone page's folder inside the renderer's build (build/vite.mobile.config.mts) */
export const MOBILE_DIR = 'm';
const isMobilePath = (url: string) => url === `/${MOBILE_DIR}` || url.startsWith(`/${MOBILE_DIR}/`);

/**
 * The renderer: the build's brotli/gzip copies when the browser takes them (build/precompress.mts),
 * hashed assets cached for good (their name changes with their content), the page itself
 * revalidated on every load so a new build is seen at once.
 *
 * The phone page lives under `/m/` (its own build in dist/renderer/m): the same rules, its
 * service worker (`/m/sw.js`) and manifest revalidated on every load, the manifest typed
 * application/manifest+json, and its own CSP (MOBILE_CSP: the decoder's WebAssembly, workers).
 */
export async function serveRenderer(app: FastifyInstance, rendererDir: string): Promise<void> {
  const root = path.resolve(rendererDir);
  const immutableDirs = [path.join(root, 'assets') + path.sep, path.join(root, MOBILE_DIR, 'assets') + path.sep];
  await app.register(fastifyStatic, {
    root: rendererDir,
    // '/' is served by the route below: with preCompressed, @fastify/static answers 404 for a
    // folder's index that has no compressed copy (a tiny or hand-made index.html)
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      res.setHeader('Vary', 'Accept-Encoding');
      const immutable = immutableDirs.some((d) => file.startsWith(d));
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (file.endsWith('.webmanifest')) res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
    },
  });
  // the phone page's own policy on everything under /m/ (the page, its chunks, its service worker)
  app.addHook('onSend', async (req, reply, payload) => {
    if (isMobilePath(req.url.split('?')[0]) && reply.getHeader('Content-Security-Policy')) {
      reply.header('Content-Security-Policy', MOBILE_CSP);
    }
    return payload;
  });
  app.get('/', (_req, reply) => reply.sendFile('index.html'));
  app.get(`/${MOBILE_DIR}`, (_req, reply) => reply.redirect(`/${MOBILE_DIR}/`));
  app.get(`/${MOBILE_DIR}/`, (_req, reply) => reply.sendFile(`${MOBILE_DIR}/index.html`));
}
