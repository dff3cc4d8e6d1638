import { App, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reviewContract } from '../../../../../electron/core/review/shared/review.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { zodRule } from '../../../shared/zodRule';

interface Values {
  note: string;
}

const FIELDS = ['note'] as const;
const noteSchema = reviewContract['review.keep'].input.shape.note;

interface Props {
  open: boolean;
  runId: number;
  customerIds: number[];
  keepDays: number | null;
  onClose(): void;
  onDone(): void;
}

/** 保留: the selected candidates were reviewed and stay; a note is required. */
export function KeepModal({ open, runId, customerIds, keepDays, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const until = keepDays == null ? null : dayjs().add(keepDays, 'day').format('YYYY-MM-DD');

  return (
    <FormModal<Values>
      open={open}
      title={t('review.keep.title', { count: customerIds.length })}
      okText={t('review.keep.ok')}
      fields={FIELDS}
      onSubmit={async (values) => {
        const result = await call('review.keep', { runId, customerIds, note: values.note });
        void message.success(t('review.keep.done', { count: result.kept, date: result.keptUntil }));
        onDone();
      }}
      onCancel={onClose}
      intro={
        keepDays != null && (
          <Typography.Paragraph type="secondary">
            {t('review.keep.explain', { days: keepDays, date: until })}
          </Typography.Paragraph>
        )
      }
    >
      <Form.Item name="note" label={t('review.keep.note')} required rules={[zodRule(noteSchema)]}>
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus placeholder={t('review.keep.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
