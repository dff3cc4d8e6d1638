import { App, Button, Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '../../../shared/zodRule';
import { pickScannerSettings, scannerSettingsSchema, useScannerSettings } from './scannerSettings';
import { DEFAULT_SCANNER_SETTINGS, type ScannerSettings } from './types';

const shape = scannerSettingsSchema.shape;
const TERMINATORS = ['enter', 'tab', 'either'] as const;

/** This PC's scanner setup (localStorage): prefix, suffix, end key, timing, sound. */
export function ScannerSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScannerSettings>();
  const stored = useScannerSettings();

  const save = (values: ScannerSettings) => {
    useScannerSettings
      .getState()
      .set(pickScannerSettings({ ...values, prefix: values.prefix ?? '', suffix: values.suffix ?? '' }));
    void message.success(t('common.saved'));
  };
  const label = (name: keyof ScannerSettings) => t(`stocktake.scanner.settings.${name}`);
  const extra = (name: keyof ScannerSettings) => t(`stocktake.scanner.settings.hints.${name}`);

  return (
    <Form<ScannerSettings>
      form={form}
      layout="vertical"
      initialValues={pickScannerSettings(stored)}
      onFinish={save}
      style={{ maxWidth: 440 }}
    >
      <Form.Item name="prefix" label={label('prefix')} extra={extra('prefix')} rules={[zodRule(shape.prefix.optional())]}>
        <Input allowClear maxLength={16} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="suffix" label={label('suffix')} extra={extra('suffix')} rules={[zodRule(shape.suffix.optional())]}>
        <Input allowClear maxLength={16} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="terminator" label={label('terminator')} extra={extra('terminator')}>
        <Radio.Group
          options={TERMINATORS.map((v) => ({ value: v, label: t(`stocktake.scanner.settings.terminators.${v}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="maxGapMs"
        label={label('maxGapMs')}
        extra={extra('maxGapMs')}
        required
        rules={[zodRule(shape.maxGapMs)]}
      >
        <InputNumber precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="minLength"
        label={label('minLength')}
        extra={extra('minLength')}
        required
        rules={[zodRule(shape.minLength)]}
      >
        <InputNumber precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="sound" label={label('sound')} extra={extra('sound')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.save')}
        </Button>
        <Button onClick={() => form.setFieldsValue(DEFAULT_SCANNER_SETTINGS)}>
          {t('stocktake.scanner.settings.defaults')}
        </Button>
      </Space>
    </Form>
  );
}
