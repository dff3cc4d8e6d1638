import type { FastifyReply } from 'fastify';

/** The app's Content-Security-Policy: its own scripts and connections only, never framed. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The phone page's (`/m/`) policy: the app's, plus what an installable page with a barcode decoder
 * needs and nothing more: compiling the decoder's WebAssembly ('wasm-unsafe-eval', not
 * 'unsafe-eval'), its own service worker and workers, its manifest, the camera's blob: frames.
 */
export const MOBILE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; manifest-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers every answer of both servers carries (a page of its own may pass a stricter CSP). */
export function securityHeaders(reply: FastifyReply, csp: string = APP_CSP): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Content-Security-Policy', csp);
}
