import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/FormModal';
import type { SubmitAction } from '../../../shared/useFormSubmit';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** 冲销 asks the reversal's date too */
  withDate?: boolean;
  danger?: boolean;
  /** what the action does, above the fields */
  note?: string;
  onSubmit: SubmitAction<{ reason: string; date: string }>;
  onCancel: () => void;
}

/** 驳回 / 作废 / 红字冲销: a reason (required), and for a reversal its date. */
export function ReasonDialog({ open, title, okText, withDate, danger, note, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string; date: Dayjs }>
      open={open}
      title={title}
      okText={okText}
      danger={danger}
      fields={['reason', 'date']}
      initialValues={{ date: dayjs() }}
      onCancel={onCancel}
      intro={note ? <Typography.Paragraph type="secondary">{note}</Typography.Paragraph> : undefined}
      onSubmit={(v) => onSubmit({ reason: v.reason, date: (v.date ?? dayjs()).format('YYYY-MM-DD') })}
    >
      {withDate && (
        <Form.Item name="date" label={t('settlement.voucher.reverseDate')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('settlement.voucher.reason')}
        rules={[{ required: true, whitespace: true, message: t('settlement.voucher.reasonMissing') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
