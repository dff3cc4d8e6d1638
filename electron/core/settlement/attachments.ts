import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { Core } from '../core';
import { InvalidField, NotFound } from '../errors';
import { writeFileDurably } from '../files/content';
import { appendUploadPart, saveUploadParts, uploadPartsSize } from '../files/storage';
import { ATTACHMENT_PART_BYTES, type attachmentInputSchema, MAX_ATTACHMENT_BYTES } from './shared/settlement.contract';

/**
 * A voucher's files (evidence, the invoice later): they come up in pieces through the uploads'
 * pieces (files/storage.ts), and are then kept in `<dataDir>/attachments/<sha256>`: a folder of
 * their own that no sweep touches (the content store's copy ages out with its upload handle).
 * A file appears there only whole (written to a temporary name, flushed, renamed:
 * writeFileDurably), before the row that names it is committed; a row is never deleted (an edit
 * only hides it), so a voucher's evidence is never lost.
 */
export type AttachmentInput = z.output<typeof attachmentInputSchema>;
export interface StoredFile {
  fileName: string;
  size: number;
  sha256: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function attachmentPath(dataDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256');
  return path.join(dataDir, 'attachments', sha256);
}

/** One piece on its way up (the first has no partsId). */
export function uploadPart(core: Core, actor: Actor, input: { partsId?: string; offset: number; dataBase64: string }) {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (!bytes.length) throw InvalidField('file', 'settlement.validation.emptyFile');
  return appendUploadPart(core.dataDir, actor.id, input.partsId, input.offset, bytes, MAX_ATTACHMENT_BYTES);
}

/** Keeps the bytes under their hash in the attachments folder (once: the same bytes are not written twice). */
export async function keepBytes(dataDir: string, sha256: string, bytes: Buffer): Promise<void> {
  const target = attachmentPath(dataDir, sha256);
  const st = await fs.stat(target).catch(() => null);
  if (st?.size === bytes.length) return;
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileDurably(target, bytes);
}

/** The uploaded pieces of each file, kept; called before the voucher's transaction (which names them). */
export async function storeAttachments(
  core: Core,
  actor: Actor,
  files: readonly AttachmentInput[],
): Promise<StoredFile[]> {
  const out: StoredFile[] = [];
  for (const f of files) {
    const size = await uploadPartsSize(core.dataDir, f.partsId, actor.id);
    if (!size) throw InvalidField('attachments', 'settlement.validation.emptyFile');
    if (size > MAX_ATTACHMENT_BYTES) throw InvalidField('attachments', 'settlement.validation.tooLarge');
    const fileName = path.basename(f.fileName.replaceAll('\\', '/'));
    const meta = {
      fileName,
      ext: path.extname(fileName).slice(1).toLowerCase(),
      userId: actor.id,
      size,
      createdAt: core.clock.now().toISOString(),
    };
    const { bytesFile } = await saveUploadParts(core.dataDir, meta, f.partsId);
    const sha256 = path.basename(bytesFile);
    await keepBytes(core.dataDir, sha256, await fs.readFile(bytesFile));
    out.push({ fileName, size, sha256 });
  }
  return out;
}

/** The rows naming kept files (inside the voucher's transaction). */
export function insertAttachments(
  core: Core,
  voucherId: number,
  role: 'evidence' | 'invoice',
  files: readonly StoredFile[],
  at: string,
  by: number,
): number[] {
  const ins = core.sqlite.prepare(
    'INSERT INTO settlement_attachments (voucher_id, role, file_name, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return files.map((f) => Number(ins.run(voucherId, role, f.fileName, f.size, f.sha256, at, by).lastInsertRowid));
}

/** Hides evidence files of a voucher (the row and the bytes stay); returns the names hidden. */
export function hideAttachments(
  core: Core,
  voucherId: number,
  ids: readonly number[],
  at: string,
  by: number,
): string[] {
  const names: string[] = [];
  const shown = core.sqlite.prepare(
    "SELECT file_name AS fileName FROM settlement_attachments WHERE id = ? AND voucher_id = ? AND role = 'evidence' AND hidden_at IS NULL",
  );
  const hide = core.sqlite.prepare('UPDATE settlement_attachments SET hidden_at = ?, hidden_by = ? WHERE id = ?');
  for (const id of ids) {
    const row = shown.get(id, voucherId) as { fileName: string } | undefined;
    if (!row) throw InvalidField('hideAttachmentIds', 'settlement.errors.attachmentUnknown');
    hide.run(at, by, id);
    names.push(row.fileName);
  }
  return names;
}

/** A piece of an attachment on its way down. */
export async function attachmentPart(core: Core, input: { id: number; offset: number }) {
  const row = core.sqlite
    .prepare('SELECT file_name AS fileName, size, sha256 FROM settlement_attachments WHERE id = ?')
    .get(input.id) as StoredFile | undefined;
  if (!row) throw NotFound();
  const handle = await fs.open(attachmentPath(core.dataDir, row.sha256), 'r').catch(() => {
    throw NotFound();
  });
  try {
    const length = Math.max(0, Math.min(ATTACHMENT_PART_BYTES, row.size - input.offset));
    const buf = Buffer.alloc(length);
    if (length) await handle.read(buf, 0, length, input.offset);
    return {
      fileName: row.fileName,
      size: row.size,
      dataBase64: buf.toString('base64'),
      done: input.offset + length >= row.size,
    };
  } finally {
    await handle.close();
  }
}
