import type { Handler } from '../handler';
import type { Channel } from '../shared/contract';

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

const notBuilt = () => {
  throw new Error('not built yet');
};

export const voucherHandlers: { [C in VoucherChannel & Channel]: Handler<C> } = {
  'settlement.customer': notBuilt,
  'settlement.vouchers': notBuilt,
  'settlement.voucher': notBuilt,
  'settlement.voucherCreate': notBuilt,
  'settlement.voucherUpdate': notBuilt,
  'settlement.voucherSubmit': notBuilt,
  'settlement.voucherApprove': notBuilt,
  'settlement.voucherReject': notBuilt,
  'settlement.voucherVoid': notBuilt,
  'settlement.voucherReverse': notBuilt,
  'settlement.voucherInvoice': notBuilt,
  'settlement.uploadPart': notBuilt,
  'settlement.attachmentPart': notBuilt,
  'settlement.notice': notBuilt,
  'settlement.noticeSent': notBuilt,
  'settlement.followUpAdd': notBuilt,
  'settlement.company': notBuilt,
  'settlement.companyUpdate': notBuilt,
};
