import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { readXlsxFast } from '../../electron/core/spreadsheet/read-xlsx';
import type { SheetTable } from '../../electron/core/spreadsheet/table';
import { readXlsxWithSheetJs } from '../unit/spreadsheet/sheetjs-reader';
import { fileRows, xlsx } from './customers-import.bench';

/**
 * The hand-written .xlsx reader (zip + sheet XML) against SheetJS (@e965/xlsx), both giving
 * the app's table, on the customer import bench's file (same generator, same writer: shared
 * strings, 100,000 rows × 32 columns by default). The two alternate, three times each; the
 * median of each counts. The load average is recorded beside the figures (the machine is shared).
 * The hand-written one is kept only while it is clearly faster (goal: 1.5× SheetJS) and gives
 * the same table.
 */
const log = (msg: string) => process.stderr.write(`[spreadsheet] ${msg}\n`);
const SALESPEOPLE = Array.from({ length: 20 }, (_x, i) => `业务员${i + 1}`);
const ROUNDS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

function timed(read: () => SheetTable): { ms: number; table: SheetTable } {
  const t0 = performance.now();
  const table = read();
  return { ms: performance.now() - t0, table };
}

export async function spreadsheetBench() {
  const n = Number(process.env.KEHU_BENCH_IMPORT_ROWS ?? 100_000);
  log(`writing a ${n}-row .xlsx`);
  const bytes = await xlsx(fileRows(n, 2_000_000, SALESPEOPLE));
  const loadBefore = loadavg();
  const hand: number[] = [];
  const sheetjs: number[] = [];
  let same = true;
  for (let i = 0; i < ROUNDS; i++) {
    log(`round ${i + 1}`);
    const a = timed(() => readXlsxFast(bytes));
    hand.push(a.ms);
    const b = timed(() => readXlsxWithSheetJs(bytes));
    sheetjs.push(b.ms);
    if (i === 0) same = a.table.rows.length === n && isDeepStrictEqual(a.table, b.table);
  }
  const rate = (ms: number) => Math.round(n / (ms / 1000));
  const handRate = rate(median(hand));
  const sheetjsRate = rate(median(sheetjs));
  return {
    file_rows: n,
    file_mb: Math.round((bytes.length / 2 ** 20) * 10) / 10,
    rows_per_s: handRate,
    baseline_sheetjs_rows_per_s: sheetjsRate,
    ratio_vs_sheetjs: Math.round((handRate / sheetjsRate) * 100) / 100,
    hand_ms: hand.map(Math.round),
    sheetjs_ms: sheetjs.map(Math.round),
    same_table: same,
    goal: 'hand-written reader >= 1.5x SheetJS rows/s on the same file, giving the same table',
    goal_met: same && handRate >= 1.5 * sheetjsRate,
    loadavg_before: loadBefore,
    loadavg_after: loadavg(),
  };
}

if (require.main === module) {
  spreadsheetBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
