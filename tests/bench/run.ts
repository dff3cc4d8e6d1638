import os from 'node:os';
import { backupBench } from './backup.bench';
import { cameraBench } from './camera.bench';
import { importBench } from './customers-import.bench';
import { customersSearchBench } from './customers-search.bench';
import { dispatchBench } from './dispatch.bench';
import { indexWriteBench } from './index-write.bench';
import { lanBench } from './lan.bench';
import { mobileWeightBench } from './mobile-weight.bench';
import { poolBench } from './pool.bench';
import { reviewBench } from './review.bench';
import { settlementBench } from './settlement.bench';
import { spreadsheetBench } from './spreadsheet.bench';
import { startBench } from './start.bench';
import { stocktakeCoreBench } from './stocktake-core.bench';
import { stocktakeReconcileBench } from './stocktake-reconcile.bench';
import { stocktakeScanBench } from './stocktake-scan.bench';
import { stocktakeSyncBench } from './stocktake-sync.bench';
import { uiSearchBench } from './ui-search.bench';

const BENCHES: Record<string, () => Promise<unknown>> = {
  dispatch_round_trip: dispatchBench,
  customers_search: customersSearchBench,
  customers_import: importBench,
  customers_index_write: indexWriteBench,
  review: reviewBench,
  spreadsheet_read: spreadsheetBench,
  main_thread: poolBench,
  ui_search: uiSearchBench,
  start: startBench,
  backup: backupBench,
  stocktake_core: stocktakeCoreBench,
  stocktake_reconcile: stocktakeReconcileBench,
  stocktake_scan: stocktakeScanBench,
  stocktake_sync: stocktakeSyncBench,
  settlement: settlementBench,
  lan_clients: lanBench,
  camera_decode: cameraBench,
  mobile_weight: mobileWeightBench,
};

// `npm run bench`: prints one JSON document of figures. Targets live here, never in timed tests.
// `npm run bench -- review customers_search`: only the named ones.
interface GoalLine {
  figure: string;
  goal: unknown;
  met: unknown;
}

/**
 * Every `goal` / `goal_met` pair anywhere in the result, by its path: the run's pass/fail list in
 * one place at the end of the JSON (the figures and baselines stay beside each goal above).
 */
export function goalsOf(value: unknown, at = ''): GoalLine[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const own: GoalLine[] =
    'goal' in record && 'goal_met' in record ? [{ figure: at, goal: record.goal, met: record.goal_met }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => goalsOf(child, at ? `${at}.${key}` : key))];
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !(n in BENCHES));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  const result: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
    },
  };
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue;
    // one bench that fails does not cost the others' figures: its error is a figure too
    try {
      result[name] = await bench();
    } catch (err) {
      console.error(err);
      result[name] = {
        error: err instanceof Error ? err.message : String(err),
        goal: 'runs to the end',
        goal_met: false,
      };
      process.exitCode = 1;
    }
  }
  result.goals = goalsOf(result);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
