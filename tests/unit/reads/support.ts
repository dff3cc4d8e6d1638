import path from 'node:path';
import type { WorkerScript } from '../../../electron/core/jobs/protocol';
import { defaultReadsScript } from '../../../electron/core/reads/protocol';
import type { TestClient } from '../support/test-core';

/** A worker script of this folder (crash.worker.ts), loaded through tsx as the pool's own is from the sources. */
export function testScript(file: string): WorkerScript {
  return { workerFile: path.join(__dirname, file), execArgv: defaultReadsScript().execArgv };
}

/** Creates customers through the dispatcher (the one writer); returns their ids. */
export async function customers(admin: TestClient, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) ids.push((await admin.ok('customer.create', { name, duplicateReason: 'test' })).id);
  return ids;
}
