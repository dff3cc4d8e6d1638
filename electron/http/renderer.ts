import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The renderer: the build's brotli/gzip copies when the browser takes them (build/precompress.mts),
 * hashed assets cached for good (their name changes with their content), the page itself
 * revalidated on every load so a new build is seen at once.
 */
export async function serveRenderer(app: FastifyInstance, rendererDir: string): Promise<void> {
  const assetsDir = path.join(path.resolve(rendererDir), 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: rendererDir,
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
}
