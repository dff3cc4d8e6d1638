import { parentPort, workerData } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../../db/schema';
import { createCore } from '../core';
import { features } from '../features';
import { toWireError } from '../jobs/protocol';
import { openReadDb } from './db';
import { directReads, noJobs } from './pool';
import { yieldCpuToMain } from '../jobs/priority';
import type { ReadReply, ReadRequest, ReadWorkerData } from './protocol';
import { jsonBytes, runRead } from './run';

/**
 * A read pool thread (bundled as dist/main/reads.worker.js): a core of the app's features on a
 * read-only connection of its own, which answers the pool reads the dispatcher sends it, each in
 * a read transaction of its own, at the main core's "now".
 */
function serve() {
  const data = workerData as ReadWorkerData;
  if (data.lowPriority) yieldCpuToMain();
  const post = (m: ReadReply) => parentPort!.postMessage(m);
  const sqlite = openReadDb(data.dbFile);
  let at = new Date();
  const core = createCore({
    db: drizzle(sqlite, { schema }),
    sqlite,
    clock: { now: () => at },
    dataDir: data.dataDir,
    features,
    jobs: noJobs,
    reads: directReads(),
  });
  parentPort!.on('message', (m: ReadRequest) => {
    at = new Date(m.at);
    runRead(core, m, true).then(
      (result) => {
        if (m.as === 'value') return post({ type: 'done', id: m.id, result });
        // the text is made here, and its bytes moved to main: main neither clones nor stringifies it
        const json = jsonBytes(result);
        parentPort!.postMessage({ type: 'json', id: m.id, json } satisfies ReadReply, [json.buffer as ArrayBuffer]);
      },
      (err: unknown) => post({ type: 'error', id: m.id, error: toWireError(err) }),
    );
  });
  post({ type: 'ready' });
}

serve();
