import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { inTransaction } from '../transaction';
import { scanInTransaction } from './scan';
import type { ScanAck, ScanRefusal, syncScansInputSchema } from './shared/stocktake.contract';
import { loadStocktake } from './stocktake.rows';

type SyncInput = z.output<typeof syncScansInputSchema>;

/**
 * Scans per write transaction: a page of 500 is a few commits (a few fsyncs), not 500; between
 * them the main thread answers other calls (a chunk takes ~10 ms here: the ~20 ms rule).
 */
export const SYNC_CHUNK = 25;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A phone's waiting scans, stored as stocktake.scan stores each (idempotent by client id, one log
 * row per scan, classified by the customer's state now), in transactions of SYNC_CHUNK scans.
 * Answers per scan in the order sent. A scan refused for a reason of its own (the stocktake no
 * longer counting) is rolled back to its savepoint and answered as a refusal; a stored client id is
 * still answered replayed. The same client id twice in a page is one scan (the second replayed);
 * the same code twice is two scans (the second a duplicate).
 */
export async function syncScans(
  core: Core,
  actor: Actor,
  input: SyncInput,
): Promise<{ items: (ScanAck | ScanRefusal)[] }> {
  const items: (ScanAck | ScanRefusal)[] = [];
  for (let from = 0; from < input.scans.length; from += SYNC_CHUNK) {
    if (from > 0) await breathe();
    const chunk = input.scans.slice(from, from + SYNC_CHUNK);
    inTransaction(core, () => {
      // read in each transaction: a status change between chunks (another connection) is seen
      const st = loadStocktake(core, input.stocktakeId);
      for (const scan of chunk) {
        try {
          // a nested transaction is a savepoint: a refused scan leaves nothing behind
          items.push(core.sqlite.transaction(() => scanInTransaction(core, actor, st, scan))());
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const { code, messageKey, params } = e.toApiError();
          items.push({
            clientId: scan.clientId,
            error: params ? { code, messageKey, params: flatParams(params) } : { code, messageKey },
          });
        }
      }
    });
  }
  return { items };
}

/** A refusal's values as the contract carries them (lists joined; a scan's refusals name none). */
function flatParams(p: Record<string, string | number | string[]>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}
