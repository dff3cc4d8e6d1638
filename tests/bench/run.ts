import os from 'node:os';
import { importBench } from './customers-import.bench';
import { customersSearchBench } from './customers-search.bench';
import { dispatchBench } from './dispatch.bench';
import { reviewBench } from './review.bench';
import { spreadsheetBench } from './spreadsheet.bench';
import { startBench } from './start.bench';

const BENCHES: Record<string, () => Promise<unknown>> = {
  dispatch_round_trip: dispatchBench,
  customers_search: customersSearchBench,
  customers_import: importBench,
  review: reviewBench,
  spreadsheet_read: spreadsheetBench,
  start: startBench,
};

// `npm run bench`: prints one JSON document of figures. Targets live here, never in timed tests.
// `npm run bench -- review customers_search`: only the named ones.
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
    if (!only.length || only.includes(name)) result[name] = await bench();
  }
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
