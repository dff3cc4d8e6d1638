import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ApiResult } from '../core/shared/contract-kit';

/** A refusal in the contract's shape: every /api/* failure answers like this, whatever failed. */
export function refuse(reply: FastifyReply, status: number, error: ApiError): FastifyReply {
  const body: ApiResult<never> = { ok: false, error };
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(body);
}

export const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

/** What fastify's own request errors (body parsing, size) mean, as the contract says them. */
export function requestError(status: number): { status: number; error: ApiError } {
  if (status === 413) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.bodyTooLarge' } };
  if (status === 415) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.badContentType' } };
  if (status >= 400 && status < 500) return { status, error: { code: 'BAD_REQUEST', messageKey: 'errors.badRequest' } };
  return { status: 500, error: { code: 'INTERNAL', messageKey: 'errors.internal' } };
}

/**
 * An error a hook or plugin throws to answer with a refusal of its own (a rate limit): the error
 * handler (json-body.ts) sends `refusal` with `statusCode` instead of the generic request error.
 */
export interface RefusalError {
  statusCode: number;
  refusal: ApiError;
}
