import { App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type SecuritySettings, securitySettingsSchema } from '../../../../electron/core/settings/shared/settings.contract';
import { call } from '../../api';
import { useCall } from '../../shared/useCall';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';
import { useSession } from '../../stores/session';

const FIELDS = ['lockoutThreshold', 'lockoutMinutes', 'sessionIdleMinutes'] as const;
const shape = securitySettingsSchema.shape;

/** Settings: the security settings (lockout after wrong passwords, idle sign-out). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const loaded = useCall('settings.getSecurity', {}).data;
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    const saved = await call('settings.updateSecurity', {
      lockoutThreshold: values.lockoutThreshold,
      lockoutMinutes: values.lockoutMinutes,
      sessionIdleMinutes: values.sessionIdleMinutes,
    });
    form.setFieldsValue(saved);
    useSession.getState().setIdleMinutes(saved.sessionIdleMinutes);
    void message.success(t('common.saved'));
  });

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Title level={5}>{t('settings.security')}</Typography.Title>
      {loaded ? (
        <Form<SecuritySettings>
          form={form}
          layout="vertical"
          initialValues={loaded}
          onFinish={() => void submit()}
          style={{ maxWidth: 480 }}
        >
          {FIELDS.map((name) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`settings.${name}`)}
              extra={t(`settings.hints.${name}`)}
              required
              rules={[zodRule(shape[name])]}
            >
              <InputNumber precision={0} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
