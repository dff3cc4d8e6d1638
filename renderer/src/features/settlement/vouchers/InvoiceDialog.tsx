import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { AttachmentUpload } from '../attachments/AttachmentUpload';
import type { SentFile } from '../attachments/attachmentTransfer';

interface Props {
  open: boolean;
  voucher: VoucherDetail;
  onCancel: () => void;
  onDone: (v: VoucherDetail) => void;
}

/** 登记发票: the invoice that came later, its number and file; the amounts stay as approved. */
export function InvoiceDialog({ open, voucher, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<SentFile[]>([]);
  return (
    <FormModal<{ invoiceNo: string }>
      open={open}
      title={t('settlement.voucher.invoiceTitle', { no: voucher.no })}
      fields={['invoiceNo']}
      onCancel={onCancel}
      onSubmit={async (v) => {
        const f = file[0];
        onDone(
          await call('settlement.voucherInvoice', {
            id: voucher.id,
            version: voucher.version,
            invoiceNo: v.invoiceNo,
            attachment: f ? { partsId: f.partsId, fileName: f.fileName } : undefined,
          }),
        );
        setFile([]);
      }}
    >
      <Form.Item
        name="invoiceNo"
        label={t('settlement.voucher.invoiceNo')}
        rules={[{ required: true, whitespace: true, message: t('settlement.voucher.invoiceNoMissing') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('settlement.voucher.invoiceFile')}>
        <AttachmentUpload single value={file} onChange={setFile} />
      </Form.Item>
    </FormModal>
  );
}
