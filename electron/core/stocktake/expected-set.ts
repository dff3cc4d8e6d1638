import type { z } from 'zod';
import type { Core } from '../core';
import type { stocktakeContract } from './shared/stocktake.contract';
import { wrongStatus } from './stocktakes';
import { loadStocktake } from './stocktake.rows';

/** Lines outside the expected set sent with the first page, at most (newest first). */
export const OTHERS_LIMIT = 5000;

/**
 * The expected set of a stocktake for a phone counting offline: keyset pages by customer id, each
 * customer's current code, names, mnemonic and state (the phone classifies frozen / deactivated
 * offline as the server would now) and its live scans so far (已盘到). The first page also has
 * the counted lines outside the set, so "already counted here" holds for those codes too.
 *
 * Counting or reconciling: a reconciling stocktake may be resumed, and a phone that loads the set
 * then counts offline keeps its scans waiting (a sync answers them refused until counting resumes);
 * a draft has no frozen set yet, a completed or cancelled one counts no more.
 */
export function expectedSet(core: Core, input: z.output<(typeof stocktakeContract)['stocktake.expected']['input']>) {
  const st = loadStocktake(core, input.stocktakeId);
  if (st.status !== 'counting' && st.status !== 'reconciling') throw wrongStatus(st, 'stocktake.errors.expectedClosed');
  const limit = input.limit;
  const items = core.statements
    .prepare(
      `SELECT e.customer_id AS customerId, c.code, c.name, c.short_name AS shortName, c.mnemonic, c.status,
         coalesce((SELECT sum(l.scans) FROM stocktake_lines l WHERE l.stocktake_id = e.stocktake_id AND l.customer_id = e.customer_id), 0) AS scans
       FROM stocktake_expected e JOIN customers c ON c.id = e.customer_id
       WHERE e.stocktake_id = ? AND e.customer_id > ?
       GROUP BY e.customer_id ORDER BY e.customer_id LIMIT ?`,
    )
    .all(st.id, input.after ?? 0, limit + 1) as {
    customerId: number;
    code: string;
    name: string;
    shortName: string | null;
    mnemonic: string | null;
    status: 'active' | 'frozen' | 'deactivated';
    scans: number;
  }[];
  const more = items.length > limit;
  if (more) items.length = limit;
  const others =
    input.after == null
      ? (core.statements
          .prepare(
            `SELECT l.customer_id AS customerId, coalesce(c.code, l.code) AS code, l.scans FROM stocktake_lines l
             LEFT JOIN customers c ON c.id = l.customer_id
             WHERE l.stocktake_id = ? AND l.scans > 0
               AND (l.customer_id IS NULL OR NOT EXISTS (SELECT 1 FROM stocktake_expected e WHERE e.stocktake_id = l.stocktake_id AND e.customer_id = l.customer_id))
             ORDER BY l.id DESC LIMIT ?`,
          )
          .all(st.id, OTHERS_LIMIT) as { customerId: number | null; code: string; scans: number }[])
      : [];
  return {
    stocktake: { id: st.id, no: st.no, name: st.name, status: st.status, expectedCount: st.expectedCount },
    items,
    next: more ? items[items.length - 1].customerId : null,
    others,
  };
}
