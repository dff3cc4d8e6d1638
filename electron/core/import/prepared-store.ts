import { createHash } from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';
import type { Checked } from './job-io';
import type { ImportField } from './shared/import.contract';
import type { RefData } from './refs';
import type { PreparedCustomer } from './write';

/**
 * The rows a validation found valid, prepared for writing (pinyin, index texts, log values), kept
 * beside the upload: the import then writes them without checking every row a second time. The
 * key ties them to the mapping and to the managed lists and users the names were resolved with;
 * what may change meanwhile in the archive (tax IDs, codes) is checked again inside the transaction.
 */
interface Prepared {
  key: string;
  total: number;
  invalidRows: number;
  errorCount: number;
  rows: PreparedCustomer[];
}

export function preparedKey(mapping: (ImportField | null)[], refs: RefData): string {
  return createHash('sha256').update(JSON.stringify({ v: 1, mapping, refs })).digest('hex');
}

export function toPrepared(key: string, c: Checked): Prepared {
  const { validation, prepared } = c;
  return {
    key,
    total: validation.total,
    invalidRows: validation.invalidRows,
    errorCount: validation.errors.length,
    rows: prepared!.filter((p, i): p is PreparedCustomer => !!p && !!validation.data[i]),
  };
}

export function savePrepared(file: string, key: string, c: Checked) {
  fs.writeFileSync(file, v8.serialize(toPrepared(key, c)));
}

export function loadPrepared(file: string, key: string): Prepared | null {
  try {
    const p = v8.deserialize(fs.readFileSync(file)) as Prepared;
    return p.key === key ? p : null;
  } catch {
    return null;
  }
}

