import Papa from 'papaparse';
import type { Cell } from './cells';
import { type SheetTable, toTable } from './table';

/**
 * The text of a CSV file. Chinese Excel saves CSV in GBK (GB18030's subset) unless told to use
 * UTF-8, which it marks with a BOM; other tools write UTF-8 without one. A BOM decides; else
 * bytes that are valid UTF-8 are UTF-8, and anything else is read as GB18030.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A CSV as a table: every cell a string; row numbers count records (as Excel numbers its rows). */
export function readCsv(bytes: Uint8Array): SheetTable {
  const { text } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  return toTable(
    parsed.data.map((cells, i) => ({ n: i + 1, cells: cells.map((c): Cell => (c === '' ? null : c)) })),
    false,
  );
}
