import os from 'node:os';
import { importBench } from './customers-import.bench';
import { customersSearchBench } from './customers-search.bench';
import { dispatchBench } from './dispatch.bench';

// `npm run bench`: prints one JSON document of figures. Targets live here, never in timed tests.
async function main() {
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
    dispatch_round_trip: await dispatchBench(),
    customers_search: await customersSearchBench(),
    customers_import: await importBench(),
  };
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
