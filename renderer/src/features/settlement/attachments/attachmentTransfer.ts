import {
  ATTACHMENT_PART_BYTES,
  MAX_ATTACHMENT_BYTES,
} from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { fileToBase64 } from '../../import/fileTransfer';

/** A file sent with settlement.uploadPart: what voucherCreate / voucherUpdate / voucherInvoice take. */
export interface SentFile {
  partsId: string;
  fileName: string;
  size: number;
}

export const tooLarge = (file: Blob) => file.size > MAX_ATTACHMENT_BYTES;

/** Sends a picked file up in pieces (settlement.uploadPart); resolves with its parts id. */
export async function sendAttachment(file: File): Promise<SentFile> {
  let partsId: string | undefined;
  for (let offset = 0; offset < file.size; offset += ATTACHMENT_PART_BYTES) {
    const dataBase64 = await fileToBase64(file.slice(offset, offset + ATTACHMENT_PART_BYTES));
    partsId = (await call('settlement.uploadPart', { partsId, offset, dataBase64 })).partsId;
  }
  if (!partsId) throw new Error('empty file');
  return { partsId, fileName: file.name, size: file.size };
}

function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Fetches an attachment in pieces (settlement.attachmentPart) and hands it to the browser as a download. */
export async function downloadAttachment(id: number): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let fileName = 'attachment';
  for (let offset = 0; ; ) {
    const piece = await call('settlement.attachmentPart', { id, offset });
    fileName = piece.fileName;
    const bytes = base64Bytes(piece.dataBase64);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.done || !bytes.length) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
