import { Alert, App, Button, Card, Flex, Form, type FormRule, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type LanSettings,
  lanSettingsSchema,
  type NetworkStatus,
} from '../../../../electron/core/network/shared/network.contract';
import { call } from '../../api';
import { translateKey } from '../../shared/translate';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';
import { addressOptions, crossFieldIssue, goneAddress, onlyLoopback } from './networkView';

const FIELDS = ['enabled', 'address', 'port', 'trustPort'] as const;
const shape = lanSettingsSchema.shape;

/** The rules of the whole form a field shows (lanSettingsSchema's refinements), checked again when the others change. */
const crossRule =
  (field: keyof LanSettings): FormRule =>
  ({ getFieldsValue }) => ({
    validator: async () => {
      const key = crossFieldIssue(getFieldsValue(FIELDS as unknown as string[]) as Partial<LanSettings>, field);
      if (key) throw new Error(translateKey(key));
    },
  });

/**
 * 服务设置: serving on or off, the address (one of this PC's IPv4 addresses, with its interface),
 * the HTTPS port and the trust page's port; 保存 → network.configure (the shell starts, moves or
 * stops the listener at once). `onSaved` gets the status the core answered.
 */
export function NetworkSettingsForm({
  status,
  onSaved,
}: {
  status: NetworkStatus;
  onSaved: (status: NetworkStatus) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LanSettings>();
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    const saved = await call('network.configure', {
      enabled: values.enabled,
      address: values.address ?? null,
      port: values.port,
      trustPort: values.trustPort,
    });
    form.setFieldsValue(saved.settings);
    void message.success(t('network.form.saved'));
    onSaved(saved);
  });
  const gone = goneAddress(status);
  const options = addressOptions(status).map((o) => ({
    value: o.value,
    label: o.gone
      ? t('network.form.gone', { address: o.address })
      : o.loopback
        ? t('network.form.loopback', { address: o.address })
        : t('network.form.addressOption', { address: o.address, interface: o.interface }),
  }));

  return (
    <Card size="small" title={t('network.form.title')}>
      <Form<LanSettings>
        form={form}
        layout="vertical"
        initialValues={status.settings}
        onFinish={() => void submit()}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="enabled"
          label={t('network.form.enabled')}
          extra={t('network.form.enabledHint')}
          valuePropName="checked"
        >
          <Switch aria-label={t('network.form.enabled')} />
        </Form.Item>
        {onlyLoopback(status) && (
          <Alert type="info" showIcon title={t('network.form.onlyLoopback')} style={{ marginBottom: 16 }} />
        )}
        {gone && (
          <Alert
            type="warning"
            showIcon
            data-testid="network-address-gone"
            title={t('network.form.goneWarning', { address: gone })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="address"
          label={t('network.form.address')}
          dependencies={['enabled']}
          rules={[zodRule(shape.address.optional()), crossRule('address')]}
        >
          <Select
            allowClear
            placeholder={t('network.form.addressPlaceholder')}
            options={options}
            style={{ width: 400 }}
          />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item
            name="port"
            label={t('network.form.port')}
            extra={t('network.form.portHint')}
            required
            rules={[zodRule(shape.port)]}
            style={{ width: 240 }}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="trustPort"
            label={t('network.form.trustPort')}
            extra={t('network.form.trustPortHint')}
            required
            dependencies={['port']}
            rules={[zodRule(shape.trustPort), crossRule('trustPort')]}
            style={{ width: 240 }}
          >
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" data-testid="network-address-note">
          {t('network.form.addressNote')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
