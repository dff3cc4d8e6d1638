import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isApi, type RefusalError, refuse, requestError } from './refusal';

/**
 * Bodies: JSON only (a form post or text/plain is what a foreign page could send without a
 * preflight; a body without a content type is refused too). No body, or an empty JSON body,
 * means {}, as for IPC. Errors and unknown paths answer in the contract's shape where a JSON
 * answer is expected (`isJson`: /api/* unless told), as plain text elsewhere.
 */
export function acceptJsonOnly(
  app: FastifyInstance,
  opts: { logName: string; isJson?: (req: FastifyRequest) => boolean },
): void {
  const isJson = opts.isJson ?? isApi;
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, {});
    return parseJson(req, body as string, done);
  });
  app.setErrorHandler((err: { statusCode?: number } & Partial<RefusalError>, req, reply) => {
    if (err.refusal && err.statusCode) {
      if (isJson(req)) return refuse(reply, err.statusCode, err.refusal);
      return reply.code(err.statusCode).type('text/plain; charset=utf-8').send('Too many requests');
    }
    const { status, error } = requestError(err.statusCode ?? 500);
    if (status === 500) console.error(`[${opts.logName}] request failed:`, err);
    if (isJson(req)) return refuse(reply, status, error);
    return reply
      .code(status)
      .type('text/plain; charset=utf-8')
      .send(status === 500 ? 'Internal error' : 'Bad request');
  });
  app.setNotFoundHandler((req, reply) => {
    if (isJson(req)) return refuse(reply, 404, { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' });
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
}
