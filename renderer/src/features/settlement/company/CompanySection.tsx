import { App, Button, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyInputSchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { useCall } from '../../../shared/useCall';
import { useFormSubmit } from '../../../shared/useFormSubmit';
import { zodRule } from '../../../shared/zodRule';
import { hasPermission, useSession } from '../../../stores/session';

type Values = Partial<Record<(typeof FIELDS)[number], string | null>>;

const FIELDS = ['name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount', 'paymentNote'] as const;
const shape = companyInputSchema.shape;

/** 本公司信息 (设置): the header, tax ID and bank details printed on notices and statements. */
export function CompanySection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = hasPermission(
    useSession((s) => s.user),
    'settings.manage',
  );
  const [form] = Form.useForm<Values>();
  const loaded = useCall('settlement.company', {}).data;
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    const input = Object.fromEntries(FIELDS.map((k) => [k, values[k] ?? undefined]));
    const saved = await call('settlement.companyUpdate', input);
    form.setFieldsValue(saved);
    void message.success(t('common.saved'));
  });
  if (!loaded) return <Skeleton active />;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={loaded}
      disabled={!canEdit}
      onFinish={() => void submit()}
      style={{ maxWidth: 640 }}
    >
      <Typography.Paragraph type="secondary">{t('settlement.company.hint')}</Typography.Paragraph>
      {FIELDS.map((name) => (
        <Form.Item key={name} name={name} label={t(`settlement.company.${name}`)} rules={[zodRule(shape[name])]}>
          {name === 'paymentNote' ? (
            <Input.TextArea rows={3} placeholder={t(`settlement.company.placeholders.${name}`)} />
          ) : (
            <Input placeholder={t(`settlement.company.placeholders.${name}`)} />
          )}
        </Form.Item>
      ))}
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
