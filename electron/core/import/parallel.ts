import type { Helpers } from '../jobs/threads';
import type { ImportField } from './shared/import.contract';
import { type RefData, RefIndex } from './refs';
import type { SheetTable } from '../spreadsheet/table';
import { type ArchiveHits, archiveHits, type CheckedRow, checkRows, rowKeys } from './validate';
import { openReadDb } from './read-db';
import { packPrepared, unpackPrepared } from './packed';
import { type PreparedCustomer, prepareCustomer } from './write';

/**
 * Checking a row (the schema) and preparing it for writing (pinyin, index texts) is the costly
 * part of an import and needs nothing but the row and the reference lists: big files are split
 * into slices checked side by side, each by the job kind `import.check` in a helper thread
 * (core/jobs/threads.ts starts them; how to slice and merge is import's, here).
 */
export interface CheckJob {
  headers: string[];
  date1904: boolean;
  rows: SheetTable['rows'];
  rowNumbers: number[];
  mapping: (ImportField | null)[];
  refs: RefData;
  prepare: boolean;
  /** the archive, to probe the slice's tax IDs, codes and names in (validate.ts archiveHits) */
  dbFile?: string;
}
export interface CheckResult {
  results: CheckedRow[];
  prepared: (PreparedCustomer | null)[] | null;
  hits?: ArchiveHits;
}

/** A slice: check each row; prepare the valid ones for writing when asked. */
export function checkSlice(job: CheckJob, onProgress?: (done: number) => void): CheckResult {
  const refs = new RefIndex(job.refs);
  const full = checkRows(job, job.rows, job.mapping, refs, onProgress);
  const prepared = job.prepare ? full.map((r, i) => (r.data ? prepareCustomer(r.data, job.rowNumbers[i]) : null)) : null;
  // only the keys of each record go back: the prepared row carries what is written
  const results: CheckedRow[] = full.map((r) => ({ ...r, data: r.data && rowKeys(r.data) }));
  if (!job.dbFile) return { results, prepared };
  const sqlite = openReadDb(job.dbFile);
  try {
    return { results, prepared, hits: archiveHits(sqlite, results) };
  } finally {
    sqlite.close();
  }
}

/** A slice in a helper thread: its prepared rows packed for the trip back (packed.ts). */
export function checkSliceInHelper(job: CheckJob, onProgress?: (done: number) => void) {
  const { prepared, ...rest } = checkSlice(job, onProgress);
  return { ...rest, packed: prepared ? packPrepared(prepared) : null };
}
export type HelperResult = ReturnType<typeof checkSliceInHelper>;

/** The check of rows [from, to) of a table, for a helper thread or this one. */
export function sliceJob(
  table: SheetTable,
  from: number,
  to: number,
  rest: Pick<CheckJob, 'mapping' | 'refs' | 'prepare' | 'dbFile'>,
): CheckJob {
  return {
    headers: table.headers,
    date1904: table.date1904,
    rows: table.rows.slice(from, to),
    rowNumbers: table.rowNumbers.slice(from, to),
    ...rest,
  };
}

/** Below this many rows one thread is quicker than starting helpers. */
const MIN_ROWS_PER_THREAD = 5000;

export async function checkInParallel(
  table: SheetTable,
  mapping: (ImportField | null)[],
  refs: RefData,
  prepare: boolean,
  helpers: Helpers | null,
  onProgress: (done: number) => void,
  dbFile?: string,
): Promise<CheckResult> {
  const n = table.rows.length;
  const count = helpers ? Math.max(1, Math.min(helpers.count, Math.floor(n / MIN_ROWS_PER_THREAD))) : 1;
  // with helpers, each slice also probes the archive for its values, beside its checks
  const parallel = count > 1 && !!helpers;
  const slice = (from: number, to: number): CheckJob =>
    sliceJob(table, from, to, { mapping, refs, prepare, dbFile: parallel ? dbFile : undefined });
  if (count === 1 || !helpers) return checkSlice(slice(0, n), onProgress);

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
      return helpers
        .run<HelperResult>('import.check', job, (s) => tell(k, s.done))
        .then(({ packed, ...rest }): CheckResult => ({ ...rest, prepared: packed ? unpackPrepared(packed) : null }));
    }),
  );
  return {
    results: parts.flatMap((p) => p.results),
    prepared: prepare ? parts.flatMap((p) => p.prepared ?? []) : null,
    hits: dbFile ? mergeHits(parts.map((p) => p.hits!)) : undefined,
  };
}

/** The slices' hits as one: a value found by several slices is the same customer each time. */
function mergeHits(parts: ArchiveHits[]): ArchiveHits {
  const merge = (k: keyof ArchiveHits) => [...new Map(parts.flatMap((p) => p[k])).entries()];
  return { taxId: merge('taxId'), code: merge('code'), name: merge('name') };
}
