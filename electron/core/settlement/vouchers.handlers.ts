import { requireActor } from '../actor';
import { type Handler, poolRead } from '../handler';
import type { Channel } from '../shared/contract';
import { approveVoucher } from './approval';
import { attachmentPart, uploadPart } from './attachments';
import { getCompany, updateCompany } from './company';
import { customerCredit } from './credit';
import { addFollowUp } from './follow-ups';
import { noticeOf, noticeSent } from './notice';
import { reverseVoucher } from './reversal';
import { listVouchers } from './voucher-list';
import { voucherDetail } from './voucher-read';
import { createVoucher, invoiceVoucher, rejectVoucher, submitVoucher, updateVoucher, voidVoucher } from './vouchers';

/** Channels of vouchers, attachments, notices, follow-ups and the company header (helper: vouchers). */
export type VoucherChannel =
  | 'settlement.customer'
  | 'settlement.vouchers'
  | 'settlement.voucher'
  | 'settlement.voucherCreate'
  | 'settlement.voucherUpdate'
  | 'settlement.voucherSubmit'
  | 'settlement.voucherApprove'
  | 'settlement.voucherReject'
  | 'settlement.voucherVoid'
  | 'settlement.voucherReverse'
  | 'settlement.voucherInvoice'
  | 'settlement.uploadPart'
  | 'settlement.attachmentPart'
  | 'settlement.notice'
  | 'settlement.noticeSent'
  | 'settlement.followUpAdd'
  | 'settlement.company'
  | 'settlement.companyUpdate';

/**
 * The vouchers' life (vouchers.ts, approval.ts, reversal.ts), their files, notices and follow-ups,
 * and the company header. The list grows to 1M: a pool read; a detail and a customer's figures
 * are a few indexed sums and stay on the main thread.
 */
export const voucherHandlers: { [C in VoucherChannel & Channel]: Handler<C> } = {
  'settlement.customer': ({ core }, input) => customerCredit(core, input),
  'settlement.vouchers': poolRead(({ core, actor }, input) => listVouchers(core, requireActor(actor), input)),
  'settlement.voucher': ({ core, actor }, input) => voucherDetail(core, requireActor(actor), input.id),
  'settlement.voucherCreate': ({ core, actor }, input) => createVoucher(core, requireActor(actor), input),
  'settlement.voucherUpdate': ({ core, actor }, input) => updateVoucher(core, requireActor(actor), input),
  'settlement.voucherSubmit': ({ core, actor }, input) => submitVoucher(core, requireActor(actor), input),
  'settlement.voucherApprove': ({ core, actor }, input) => approveVoucher(core, requireActor(actor), input),
  'settlement.voucherReject': ({ core, actor }, input) => rejectVoucher(core, requireActor(actor), input),
  'settlement.voucherVoid': ({ core, actor }, input) => voidVoucher(core, requireActor(actor), input),
  'settlement.voucherReverse': ({ core, actor }, input) => reverseVoucher(core, requireActor(actor), input),
  'settlement.voucherInvoice': ({ core, actor }, input) => invoiceVoucher(core, requireActor(actor), input),
  'settlement.uploadPart': ({ core, actor }, input) => uploadPart(core, requireActor(actor), input),
  'settlement.attachmentPart': ({ core }, input) => attachmentPart(core, input),
  'settlement.notice': ({ core, actor }, input) => noticeOf(core, requireActor(actor), input.voucherId),
  'settlement.noticeSent': ({ core, actor }, input) => noticeSent(core, requireActor(actor), input),
  'settlement.followUpAdd': ({ core, actor }, input) => addFollowUp(core, requireActor(actor), input),
  'settlement.company': ({ core }) => getCompany(core),
  'settlement.companyUpdate': ({ core, actor }, input) => updateCompany(core, requireActor(actor), input),
};
