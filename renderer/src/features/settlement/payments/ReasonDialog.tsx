import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/FormModal';

interface Props {
  open: boolean;
  title: ReactNode;
  intro?: ReactNode;
  okText: string;
  onCancel: () => void;
  /** throws the core's refusal (shown beside the reason) */
  onSubmit(reason: string): Promise<void>;
}

/** A step that needs a reason (反核销, 作废): the reason is required and logged by the core. */
export function ReasonDialog({ open, title, intro, okText, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={title}
      intro={intro}
      okText={okText}
      danger
      fields={['reason']}
      onCancel={onCancel}
      onSubmit={(v) => onSubmit(v.reason)}
    >
      <Form.Item
        name="reason"
        label={t('settlement.payments.reason')}
        rules={[{ required: true, whitespace: true, message: t('settlement.payments.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
