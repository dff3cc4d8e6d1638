import {
  ATTACHMENT_PART_BYTES,
  MAX_ATTACHMENT_BYTES,
} from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { downloadParts, sendParts } from '../../import/fileTransfer';

/** A file sent with settlement.uploadPart: what voucherCreate / voucherUpdate / voucherInvoice take. */
export interface SentFile {
  partsId: string;
  fileName: string;
  size: number;
}

export const tooLarge = (file: Blob) => file.size > MAX_ATTACHMENT_BYTES;

/** Sends a picked file up in pieces (settlement.uploadPart); resolves with its parts id. */
export async function sendAttachment(file: File): Promise<SentFile> {
  const partsId = await sendParts(file, ATTACHMENT_PART_BYTES, (piece) => call('settlement.uploadPart', piece));
  return { partsId, fileName: file.name, size: file.size };
}

/** Fetches an attachment in pieces (settlement.attachmentPart) and hands it to the browser as a download. */
export const downloadAttachment = (id: number): Promise<void> =>
  downloadParts((offset) => call('settlement.attachmentPart', { id, offset }), 'attachment');
