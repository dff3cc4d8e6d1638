import type { FastifyReply } from 'fastify';

/** The app's Content-Security-Policy: its own scripts and connections only, never framed. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers every answer of both servers carries (a page of its own may pass a stricter CSP). */
export function securityHeaders(reply: FastifyReply, csp: string = APP_CSP): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Content-Security-Policy', csp);
}
