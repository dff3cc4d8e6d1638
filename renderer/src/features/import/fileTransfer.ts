import { UPLOAD_PART_BYTES } from '../../../../electron/core/import/shared/import.contract';
import { call } from '../../api/index';

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
 * Sends a picked file in pieces of `partBytes` through `sendPart` (the channel's call), so that no
 * call carries, parses or decodes a big blob on either side; resolves with the parts id.
 */
export async function sendParts(
  file: Blob,
  partBytes: number,
  sendPart: (piece: { partsId?: string; offset: number; dataBase64: string }) => Promise<{ partsId: string }>,
): Promise<string> {
  let partsId: string | undefined;
  for (let offset = 0; offset < file.size; offset += partBytes) {
    const dataBase64 = await fileToBase64(file.slice(offset, offset + partBytes));
    partsId = (await sendPart({ partsId, offset, dataBase64 })).partsId;
  }
  if (!partsId) throw new Error('empty file');
  return partsId;
}

/** Sends a picked file in pieces (customer.importUploadPart); resolves with the id customer.importUpload takes. */
export const sendFileParts = (file: Blob): Promise<string> =>
  sendParts(file, UPLOAD_PART_BYTES, (piece) => call('customer.importUploadPart', piece));

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
 * Fetches a file in pieces through `getPart` (over whichever transport) and hands it to the browser
 * as a download: an <a download> of a blob URL, which works in Electron too. The name is the last
 * piece's, or `fileName` when the pieces carry none.
 */
export async function downloadParts(
  getPart: (offset: number) => Promise<{ dataBase64: string; done: boolean; fileName?: string }>,
  fileName: string,
  type = 'application/octet-stream',
): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let name = fileName;
  for (let offset = 0; ; ) {
    const piece = await getPart(offset);
    name = piece.fileName ?? name;
    const bytes = base64Bytes(piece.dataBase64);
    parts.push(bytes);
    offset += bytes.length;
    if (piece.done || !bytes.length) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the core made for this user (customer.downloadFile's pieces), as a download. */
export function downloadFile(ref: { fileId: string; fileName: string }): Promise<void> {
  const ext = ref.fileName.split('.').pop() ?? '';
  return downloadParts(
    (offset) =>
      call('customer.downloadFile', { fileId: ref.fileId, offset }).then(({ dataBase64, done }) => ({
        dataBase64,
        done,
      })),
    ref.fileName,
    MIME[ext],
  );
}
