import { Flex, Form, type FormInstance, InputNumber, Switch, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type ReviewRuleKey,
  type ReviewSettings,
  reviewSettingsSchema,
} from '../../../../../electron/core/review/shared/review.contract';
import { reviewRule } from '../../../../../electron/core/review/shared/review.rules';
import { translateKey } from '../../../shared/translate';
import { zodRule } from '../../../shared/zodRule';
import { LookupSelect } from '../../customers/shared/LookupSelect';
import { RULE_COLORS, ruleName } from '../ruleText';

const ruleShapes = reviewSettingsSchema.shape.rules.shape;

/** hints shown under a rule's description */
const HINTS: ReadonlySet<ReviewRuleKey> = new Set(['inactivity', 'contractEnded', 'creditRating']);

interface Props {
  rule: ReviewRuleKey;
  available: boolean;
  form: FormInstance<ReviewSettings>;
  readOnly: boolean;
}

/** The parameter of a rule, if it has one: days, grace days or the credit rating. */
function RuleParam({ rule, disabled }: { rule: ReviewRuleKey; disabled: boolean }) {
  const { t } = useTranslation();
  const days = (field: 'days' | 'graceDays', label: string, schema: Parameters<typeof zodRule>[0]) => (
    <Form.Item name={['rules', rule, field]} rules={[zodRule(schema)]} style={{ marginBottom: 0 }}>
      <InputNumber
        aria-label={label}
        precision={0}
        min={0}
        disabled={disabled}
        suffix={t('review.settings.days')}
        style={{ width: 130 }}
      />
    </Form.Item>
  );
  switch (rule) {
    case 'inactivity':
      return days('days', t('review.settings.param.inactivityDays'), ruleShapes.inactivity.shape.days);
    case 'contractEnded':
      return days('graceDays', t('review.settings.param.graceDays'), ruleShapes.contractEnded.shape.graceDays);
    case 'overdueReceivables':
      return days('days', t('review.settings.param.overdueDays'), ruleShapes.overdueReceivables.shape.days);
    case 'creditRating':
      return (
        <Form.Item
          name={['rules', 'creditRating', 'ratingId']}
          dependencies={[['rules', 'creditRating', 'enabled']]}
          style={{ marginBottom: 0 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, value: unknown) => {
                if (getFieldValue(['rules', 'creditRating', 'enabled']) && value == null)
                  throw new Error(translateKey('review.errors.ratingRequired'));
              },
            }),
          ]}
        >
          <LookupSelect
            kind="creditRating"
            aria-label={t('review.settings.param.rating')}
            placeholder={t('review.settings.param.rating')}
            style={{ width: 160 }}
          />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** One rule: on/off, what it checks, its parameter; unavailable rules say what they wait for. */
export function RuleRow({ rule, available, form, readOnly }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const enabled = Form.useWatch(['rules', rule, 'enabled'], form) ?? false;
  const needs = reviewRule(rule).needs;
  const name = ruleName(rule);
  return (
    <Flex
      gap={16}
      align="flex-start"
      style={{ padding: '14px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      aria-label={name}
      role="group"
    >
      <Form.Item name={['rules', rule, 'enabled']} valuePropName="checked" noStyle>
        <Switch
          aria-label={t('review.settings.enabled', { rule: name })}
          disabled={readOnly || !available}
          style={{ marginTop: 2 }}
        />
      </Form.Item>
      <Flex vertical gap={6} style={{ flex: 1, minWidth: 0 }}>
        <Flex align="center" gap={8} wrap>
          <Tag color={available ? RULE_COLORS[rule] : 'default'} style={{ marginInlineEnd: 0 }}>
            {name}
          </Tag>
          {!available && needs && (
            <Typography.Text type="secondary">{t(`review.settings.unavailable.${needs}`)}</Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type={available ? undefined : 'secondary'}>
            {t(`review.settings.desc.${rule}`)}
          </Typography.Text>
          <RuleParam rule={rule} disabled={readOnly || !available || !enabled} />
        </Flex>
        {HINTS.has(rule) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`review.settings.hint.${rule}`)}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
