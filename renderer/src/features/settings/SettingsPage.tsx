import { App, Button, Card, Form, InputNumber, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type SecuritySettings,
  securitySettingsSchema,
} from '../../../../electron/core/settings/shared/settings.contract';
import { call } from '../../api';
import { useCall } from '../../shared/useCall';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';
import { hasPermission, useSession } from '../../stores/session';
import { NetworkSection } from '../network/NetworkSection';
import { CompanySection } from '../settlement/company/CompanySection';
import { ScannerSection } from '../stocktake/scanner/ScannerSection';

const FIELDS = ['lockoutThreshold', 'lockoutMinutes', 'sessionIdleMinutes'] as const;
const shape = securitySettingsSchema.shape;

const TABS = ['security', 'company', 'scanner', 'network'] as const;
type TabKey = (typeof TABS)[number];
/** tabs a user sees only with a permission of their own */
const TAB_PERMISSION: Partial<Record<TabKey, string>> = { network: 'system.network' };

/**
 * Settings: the security settings (lockout after wrong passwords, idle sign-out), and this PC's
 * barcode scanner with its test (?tab=scanner opens it; the test listens only while it shows), and
 * the company's header and bank details printed on settlement notices and statements (?tab=company),
 * and the office network (?tab=network, for users with `system.network`).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const user = useSession((s) => s.user);
  const shown = TABS.filter((k) => hasPermission(user, TAB_PERMISSION[k]));
  const tab: TabKey = shown.find((k) => k === params.get('tab')) ?? 'security';
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'security' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'security', label: t('settings.security'), children: <SecuritySettingsForm /> },
          { key: 'company', label: t('settlement.company.tab'), children: <CompanySection /> },
          { key: 'scanner', label: t('stocktake.scanner.tab'), children: <ScannerSection /> },
          { key: 'network', label: t('network.tab'), children: <NetworkSection /> },
        ].filter((item) => shown.includes(item.key as TabKey))}
      />
    </Card>
  );
}

function SecuritySettingsForm() {
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

  return loaded ? (
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
  );
}
