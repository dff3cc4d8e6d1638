import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import type { Core } from '../core';
import { type PackedRows, packPrepared, unpackPrepared } from './packed';
import type { RefData } from './refs';
import type { ImportField, ValueMapEntry } from './shared/import.contract';
import type { PreparedCustomer } from './write';

/**
 * The rows a validation checked and prepared (pinyin, index texts), kept in memory for the import
 * that follows, so that the import only writes (it used to check and prepare every row again).
 *
 * They cross threads as ONE SharedArrayBuffer: the validation's worker fills it, the main process
 * only holds it (no copy, no parse on the main thread), the import's worker reads it. It is kept
 * on the Core (`core.slots`), one per user: a newer validation or upload of that user replaces it,
 * the import takes it, and after KEEP_MS it is dropped. The import uses it only for the same upload,
 * mapping and value map, and only while the lists and users the rows were resolved against are
 * unchanged (`refsPrint`); what else may change meanwhile — a code or tax ID saved by someone else —
 * the import checks again inside its write lock (run-import.ts clashes), and the unique indexes
 * refuse it in any case.
 */
export interface KeptRows {
  /** fingerprint of the lists and users (loadRefs) the rows were checked against */
  refsPrint: string;
  total: number;
  errorCount: number;
  invalidRows: number;
  /** the codes the file names (numbering skips them) */
  given: string[];
  /** per data row: the prepared customer, or null when the row has an error */
  rows: PackedRows;
}

export function refsPrint(refs: RefData): string {
  return createHash('sha256').update(JSON.stringify([refs.lookups, refs.users])).digest('base64');
}

export function packKept(k: Omit<KeptRows, 'rows'>, prepared: (PreparedCustomer | null)[]): SharedArrayBuffer {
  const bytes = v8.serialize({ ...k, rows: packPrepared(prepared) } satisfies KeptRows);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

export function unpackKept(shared: SharedArrayBuffer): Omit<KeptRows, 'rows'> & { prepared: (PreparedCustomer | null)[] } {
  const { rows, ...rest } = v8.deserialize(new Uint8Array(shared)) as KeptRows;
  return { ...rest, prepared: unpackPrepared(rows) };
}

/** How long kept rows wait for their import. */
const KEEP_MS = 30 * 60_000;

interface Entry {
  uploadId: string;
  /** the mapping and value map they were checked with */
  key: string;
  buffer: SharedArrayBuffer;
  at: number;
}
type Slot = Map<number, Entry>;

const SLOT = 'import';
function slotOf(core: Core): Slot {
  let slot = core.slots.get(SLOT) as Slot | undefined;
  if (!slot) {
    slot = new Map();
    core.slots.set(SLOT, slot);
  }
  return slot;
}

const keyOf = (mapping: (ImportField | null)[], valueMap: ValueMapEntry[]) => JSON.stringify([mapping, valueMap]);

/** Keeps a validation's rows for the user (replacing what the user kept before). */
export function keep(core: Core, userId: number, uploadId: string, mapping: (ImportField | null)[], valueMap: ValueMapEntry[], buffer: SharedArrayBuffer) {
  slotOf(core).set(userId, { uploadId, key: keyOf(mapping, valueMap), buffer, at: core.clock.now().getTime() });
}

/** Drops what the user kept (a new upload, a validation that failed). */
export function drop(core: Core, userId: number) {
  slotOf(core).delete(userId);
}

/** Takes (and forgets) the user's kept rows when they are of this upload, mapping and value map and not too old. */
export function take(core: Core, userId: number, uploadId: string, mapping: (ImportField | null)[], valueMap: ValueMapEntry[]): SharedArrayBuffer | undefined {
  const slot = slotOf(core);
  const e = slot.get(userId);
  slot.delete(userId);
  if (!e || e.uploadId !== uploadId || e.key !== keyOf(mapping, valueMap)) return undefined;
  if (core.clock.now().getTime() - e.at > KEEP_MS) return undefined;
  return e.buffer;
}
