import type { Core } from './core';

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE); a throw rolls everything back. Its own
 * file, not core.ts: every service needs it, and core.ts assembles the features (which import
 * the services), so living there would make each service and core.ts import each other.
 */
export function inTransaction<T>(core: Core, fn: () => T): T {
  return core.sqlite.transaction(fn).immediate();
}
