import { DatePicker, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';

interface Props {
  open: boolean;
  voucherId: number;
  onCancel: () => void;
  onDone: () => void;
}

interface Values {
  date: Dayjs;
  contact?: string;
  note: string;
  promisedDate?: Dayjs | null;
  promisedAmount?: string;
}

/** 新增跟进: when, with whom, what was said, and the payment promised (date and amount). */
export function FollowUpDialog({ open, voucherId, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      open={open}
      title={t('settlement.followUp.title')}
      fields={['date', 'contact', 'note', 'promisedDate', 'promisedAmount']}
      initialValues={{ date: dayjs() }}
      onCancel={onCancel}
      onSubmit={async (v) => {
        await call('settlement.followUpAdd', {
          voucherId,
          date: v.date.format('YYYY-MM-DD'),
          contact: v.contact,
          note: v.note,
          promisedDate: v.promisedDate ? v.promisedDate.format('YYYY-MM-DD') : null,
          promisedAmount: v.promisedAmount?.trim() ? v.promisedAmount : null,
        });
        onDone();
      }}
    >
      <Flex gap={16} wrap>
        <Form.Item name="date" label={t('settlement.followUp.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="contact" label={t('settlement.followUp.contact')} style={{ flex: 1 }}>
          <Input maxLength={50} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="note"
        label={t('settlement.followUp.note')}
        rules={[{ required: true, whitespace: true, message: t('settlement.followUp.noteMissing') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="promisedDate" label={t('settlement.followUp.promisedDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="promisedAmount" label={t('settlement.followUp.promisedAmount')}>
          <Input prefix="¥" inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
