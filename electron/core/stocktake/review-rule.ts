import type { RuleQuerySource } from '../review/review.queries';

/**
 * 停用审查's rule "not found in the last completed stocktake": the customers expected in the most
 * recently completed stocktake that no live line of it counted. Before any stocktake is completed
 * it hits nobody. DISTINCT: a merge may have moved a duplicate's expected row onto its survivor.
 */
export const stocktakeMissingRule: RuleQuerySource = {
  build: () => ({
    sql: `SELECT DISTINCT e.customer_id AS customer_id FROM stocktake_expected e
      WHERE e.stocktake_id = (SELECT s.id FROM stocktakes s WHERE s.status = 'completed'
          ORDER BY s.completed_at DESC, s.id DESC LIMIT 1)
        AND NOT EXISTS (SELECT 1 FROM stocktake_lines l
          WHERE l.stocktake_id = e.stocktake_id AND l.customer_id = e.customer_id AND l.scans > 0)`,
    params: [],
  }),
};
