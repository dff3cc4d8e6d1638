import { call } from '../../api/index';
import { UPLOAD_PART_BYTES } from '../../../../electron/core/import/shared/import.contract';

/** A picked file as base64 (what customer.importUpload takes). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Sends a picked file in pieces (customer.importUploadPart), so that no call carries, parses or
 * decodes a big blob on either side; resolves with the id customer.importUpload takes.
 */
export async function sendFileParts(file: Blob): Promise<string> {
  let partsId: string | undefined;
  for (let offset = 0; offset < file.size; offset += UPLOAD_PART_BYTES) {
    const dataBase64 = await fileToBase64(file.slice(offset, offset + UPLOAD_PART_BYTES));
    partsId = (await call('customer.importUploadPart', { partsId, offset, dataBase64 })).partsId;
  }
  if (!partsId) throw new Error('empty file');
  return partsId;
}

function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/**
 * Fetches a file the core made for this user (in pieces, over whichever transport) and hands it
 * to the browser as a download: an <a download> of a blob URL, which works in Electron too.
 */
export async function downloadFile(ref: { fileId: string; fileName: string }): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; ; ) {
    const piece = await call('customer.downloadFile', { fileId: ref.fileId, offset });
    const bytes = base64Bytes(piece.dataBase64);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.done || !bytes.length) break;
  }
  const ext = ref.fileName.split('.').pop() ?? '';
  const url = URL.createObjectURL(new Blob(parts, { type: MIME[ext] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = ref.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
