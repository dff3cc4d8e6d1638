import { Alert, App, Button, Flex, Form, InputNumber, Select, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_INTERVALS,
  REVIEW_RULE_KEYS,
  type ReviewSettings,
  reviewSettingsSchema,
} from '../../../../../electron/core/review/shared/review.contract';
import { call } from '../../../api';
import { useFormSubmit } from '../../../shared/useFormSubmit';
import { zodRule } from '../../../shared/zodRule';
import { useReviewStatus } from '../reviewStatusStore';
import { localDate } from '../ruleText';
import type { ReviewSettingsState } from '../useReviewSettings';
import { RuleRow } from './RuleRow';

const FIELDS = ['rules', 'keepDays', 'intervalMonths'] as const;

interface Props {
  state: ReviewSettingsState | null;
  /** settings.manage: may change the rules; others see them read-only */
  canEdit: boolean;
  onSaved(state: ReviewSettingsState): void;
}

/** The form's values over the stored settings (fields the form leaves out keep their value). */
function toInput(stored: ReviewSettings, values: Partial<ReviewSettings>): ReviewSettings {
  const rules = { ...stored.rules } as Record<string, object>;
  for (const key of REVIEW_RULE_KEYS) rules[key] = { ...stored.rules[key], ...values.rules?.[key] };
  const credit = rules.creditRating as ReviewSettings['rules']['creditRating'];
  rules.creditRating = { ...credit, ratingId: credit.ratingId ?? null };
  return {
    rules: rules as ReviewSettings['rules'],
    keepDays: values.keepDays ?? stored.keepDays,
    intervalMonths: values.intervalMonths ?? stored.intervalMonths,
  };
}

/** 规则设置: each rule on/off with its parameter, the keep period and the review schedule. */
export function RulesTab({ state, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [form] = Form.useForm<ReviewSettings>();
  const nextDueAt = useReviewStatus((s) => s.status?.nextDueAt ?? null);
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    if (!state) return;
    const saved = await call('review.updateSettings', toInput(state.settings, values));
    form.setFieldsValue(saved.settings);
    onSaved(saved);
    void message.success(t('review.settings.saved'));
    void useReviewStatus.getState().refresh();
  });

  if (!state) return <Skeleton active />;
  const available = new Map(state.rules.map((r) => [r.key, r.available]));

  return (
    <Form<ReviewSettings>
      form={form}
      layout="vertical"
      initialValues={state.settings}
      disabled={!canEdit}
      onFinish={() => void submit()}
      style={{ maxWidth: 880 }}
    >
      {!canEdit && <Alert type="info" showIcon title={t('review.settings.readOnly')} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('review.settings.rulesTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.settings.rulesHint')}</Typography.Paragraph>
      <div
        style={{
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          marginBottom: 24,
          overflow: 'hidden',
        }}
      >
        {REVIEW_RULE_KEYS.map((rule) => (
          <RuleRow key={rule} rule={rule} available={available.get(rule) ?? false} form={form} readOnly={!canEdit} />
        ))}
      </div>
      <Typography.Title level={5}>{t('review.settings.scheduleTitle')}</Typography.Title>
      <Flex gap={32} wrap>
        <Form.Item
          name="keepDays"
          label={t('review.settings.keepDays')}
          extra={t('review.settings.keepDaysHint')}
          required
          rules={[zodRule(reviewSettingsSchema.shape.keepDays)]}
          style={{ width: 320 }}
        >
          <InputNumber precision={0} min={1} suffix={t('review.settings.days')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="intervalMonths"
          label={t('review.settings.interval')}
          extra={
            <>
              {t('review.settings.intervalHint')}
              {nextDueAt && (
                <>
                  <br />
                  {t('review.run.nextDue', { date: localDate(nextDueAt) })}
                </>
              )}
            </>
          }
          required
          style={{ width: 320 }}
        >
          <Select<number>
            options={REVIEW_INTERVALS.map((m) => ({ value: m, label: t(`review.settings.intervals.${m}`) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Flex>
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
