import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../core/core';
import { refuse } from './refusal';

/** Where a stream's session is: its token and the device it comes from (null on this PC). */
export interface StreamSession {
  token: string | null | undefined;
  deviceId: number | null;
}

export interface EventStreams {
  /** Ends at once every open stream of that device (it was revoked). */
  endDevice(deviceId: number): void;
}

/**
 * `GET /api/events`: server-sent events for the signed-in session (progress, session ended, …).
 * Streams end when the server closes (they never finish by themselves, so close() would wait
 * forever) and no new one opens once closing has begun.
 */
export function registerEventStream(
  app: FastifyInstance,
  core: Core,
  sessionOf: (req: FastifyRequest) => StreamSession,
): EventStreams {
  let closing = false;
  const streams = new Map<ServerResponse, number | null>();
  app.addHook('preClose', async () => {
    closing = true;
    for (const s of streams.keys()) s.end();
  });

  app.get('/api/events', (req, reply) => {
    if (closing) return reply.code(503).header('Connection', 'close').send();
    const { token, deviceId } = sessionOf(req);
    const s = core.sessions.lookup(token, false, deviceId);
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
    streams.set(reply.raw, deviceId);
    const unsubscribe = core.events.subscribe((ev) => {
      if (ev.internal || reply.raw.writableEnded || (ev.userId !== undefined && ev.userId !== s.userId)) return;
      const live = core.sessions.lookup(token, false, deviceId).state === 'active';
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

  return {
    endDevice(deviceId) {
      for (const [s, d] of streams) if (d === deviceId) s.end();
    },
  };
}
