import { parentPort, workerData } from 'node:worker_threads';
import { runQuickCheck } from './quick-check';

/**
 * Entry of the integrity-check thread (bundled as dist/main/db-quick-check.worker.js): runs
 * SQLite's quick_check on a read-only connection (which never writes nor checkpoints) and posts
 * what it found, or SQLite's error with its code.
 */
const { file, maxErrors } = workerData as { file: string; maxErrors: number };
try {
  parentPort!.postMessage({ type: 'done', ...runQuickCheck(file, maxErrors) });
} catch (err) {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : undefined;
  parentPort!.postMessage({ type: 'error', code, message: err instanceof Error ? err.message : String(err) });
}
