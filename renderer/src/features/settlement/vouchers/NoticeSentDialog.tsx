import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_CHANNELS } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';

interface Props {
  open: boolean;
  voucherId: number;
  onCancel: () => void;
  onDone: () => void;
}

/** 标记已发送: how the notice reached the customer (打印 / 邮件 / 微信 / 当面); the core records when. */
export function NoticeSentDialog({ open, voucherId, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ channel: (typeof NOTICE_CHANNELS)[number]; memo?: string }>
      open={open}
      title={t('settlement.notice.sentTitle')}
      fields={['channel', 'memo']}
      initialValues={{ channel: 'print' }}
      onCancel={onCancel}
      onSubmit={async (v) => {
        await call('settlement.noticeSent', { voucherId, channel: v.channel, memo: v.memo });
        onDone();
      }}
    >
      <Form.Item name="channel" label={t('settlement.notice.channel')} rules={[{ required: true }]}>
        <Radio.Group
          options={NOTICE_CHANNELS.map((c) => ({ value: c, label: t(`settlement.notice.channels.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="memo" label={t('settlement.notice.memo')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
