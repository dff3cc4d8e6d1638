import { parentPort } from 'node:worker_threads';

// A read pool thread that dies on `review.runs`, as a thread would on a native crash or a lost
// allocation: its listener comes before the pool thread's own (loaded below), so nothing answers.
parentPort!.on('message', (m: { channel?: string }) => {
  if (m.channel === 'review.runs') process.exit(7);
});
require('../../../electron/core/reads/worker');
