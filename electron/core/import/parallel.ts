import { Worker } from 'node:worker_threads';
import type { ImportField } from './shared/import.contract';
import { type RefData, RefIndex } from './refs';
import type { RowResult } from './row-check';
import type { SheetTable } from '../spreadsheet/table';
import { checkRows } from './validate';
import { type PreparedCustomer, prepareCustomer } from './write';

/**
 * Checking a row (the schema) and preparing it for writing (pinyin, index texts) is the costly
 * part of an import and needs nothing but the row and the reference lists: big files are split
 * into slices checked by helper threads side by side.
 */
export interface Threads {
  /** the worker script and its execArgv (tsx in development) */
  workerFile: string;
  execArgv: string[];
  /** threads to use in all, this one included */
  count: number;
}

export interface CheckJob {
  kind: 'check';
  headers: string[];
  date1904: boolean;
  rows: SheetTable['rows'];
  rowNumbers: number[];
  mapping: (ImportField | null)[];
  refs: RefData;
  prepare: boolean;
}
export interface CheckResult {
  results: RowResult[];
  prepared: (PreparedCustomer | null)[] | null;
}

/** A slice: check each row; prepare the valid ones for writing when asked. */
export function checkSlice(job: CheckJob, onProgress?: (done: number) => void): CheckResult {
  const refs = new RefIndex(job.refs);
  const results = checkRows(job, job.rows, job.mapping, refs, onProgress);
  const prepared = job.prepare ? results.map((r, i) => (r.data ? prepareCustomer(r.data, job.rowNumbers[i]) : null)) : null;
  return { results, prepared };
}

/** Below this many rows one thread is quicker than starting helpers. */
const MIN_ROWS_PER_THREAD = 5000;

export async function checkInParallel(
  table: SheetTable,
  mapping: (ImportField | null)[],
  refs: RefData,
  prepare: boolean,
  threads: Threads | null,
  onProgress: (done: number) => void,
): Promise<CheckResult> {
  const n = table.rows.length;
  const count = threads ? Math.max(1, Math.min(threads.count, Math.floor(n / MIN_ROWS_PER_THREAD))) : 1;
  const slice = (from: number, to: number): CheckJob => ({
    kind: 'check',
    headers: table.headers,
    date1904: table.date1904,
    rows: table.rows.slice(from, to),
    rowNumbers: table.rowNumbers.slice(from, to),
    mapping,
    refs,
    prepare,
  });
  if (count === 1 || !threads) return checkSlice(slice(0, n), onProgress);

  const size = Math.ceil(n / count);
  const done = new Array<number>(count).fill(0);
  const tell = (k: number, d: number) => {
    done[k] = d;
    onProgress(done.reduce((a, b) => a + b, 0));
  };
  const parts = await Promise.all(
    Array.from({ length: count }, (_x, k) => {
      const job = slice(k * size, Math.min(n, (k + 1) * size));
      // the last slice is checked here, the others by helpers
      if (k === count - 1) return Promise.resolve(checkSlice(job, (d) => tell(k, d)));
      return inHelper(threads, job, (d) => tell(k, d));
    }),
  );
  return {
    results: parts.flatMap((p) => p.results),
    prepared: prepare ? parts.flatMap((p) => p.prepared ?? []) : null,
  };
}

function inHelper(threads: Threads, job: CheckJob, onProgress: (done: number) => void): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(threads.workerFile, { workerData: job, execArgv: threads.execArgv });
    let settled = false;
    w.on('message', (m: { type: string; done?: number; result?: CheckResult; error?: { message: string } }) => {
      if (m.type === 'progress') onProgress(m.done ?? 0);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result!);
      } else if (m.type === 'error') {
        settled = true;
        reject(new Error(m.error?.message ?? 'helper failed'));
      }
    });
    w.on('error', (err) => {
      settled = true;
      reject(err);
    });
    w.on('exit', (code) => {
      if (!settled) reject(new Error(`helper exited with ${code}`));
    });
  });
}
