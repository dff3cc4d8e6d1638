import { App, Button, Divider, Form, Input, InputNumber, Skeleton, TimePicker } from 'antd';
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  BACKUP_SETTING_FIELDS,
  type BackupSettings,
  backupSettingsSchema,
} from '../../../../electron/core/backup/shared/backup.contract';
import { ApiCallError, call } from '../../api';
import { useCall } from '../../shared/useCall';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { translateKey } from '../../shared/translate';
import { zodRule } from '../../shared/zodRule';
import { useBackupStatus } from './backupStatusStore';

const shape = backupSettingsSchema.shape;
const FIELDS = BACKUP_SETTING_FIELDS;

/** "18:00" ↔ the TimePicker's value (today at that time). */
const toTime = (hhmm: string | null | undefined): Dayjs | null => {
  const m = hhmm?.match(/^(\d{2}):(\d{2})$/);
  return m ? dayjs().hour(Number(m[1])).minute(Number(m[2])).second(0) : null;
};

/** A nullable text setting: empty means none (null); otherwise the contract's rule. */
function optionalRule(schema: FormRule): FormRule {
  return {
    validator: async (rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (typeof schema === 'object' && schema.validator) await schema.validator(rule, value, () => {});
    },
  };
}

/** A number of the settings, in a row of its own with its hint. */
function NumberItem({ name, hint }: { name: (typeof FIELDS)[number]; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t(`backup.settings.${name}`)} extra={hint} required rules={[zodRule(shape[name])]}>
      <InputNumber precision={0} style={{ width: 200 }} />
    </Form.Item>
  );
}

/** 备份设置: when automatic backups run, how many are kept, the second location, when to warn. */
export function BackupSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BackupSettings>();
  const loaded = useCall('backup.getSettings', {}).data;
  // a refused second location names the folder ({{path}}): its message needs the call's params
  const handle = (error: unknown): boolean => {
    if (!(error instanceof ApiCallError) || !error.fields) return false;
    const entries = Object.entries(error.fields);
    if (!entries.every(([name]) => (FIELDS as readonly string[]).includes(name))) return false;
    form.setFields(
      entries.map(([name, key]) => ({ name: name as keyof BackupSettings, errors: [translateKey(key, error.params)] })),
    );
    return true;
  };
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    const saved = await call('backup.saveSettings', {
      intervalMinutes: values.intervalMinutes,
      dailyAt: values.dailyAt || null,
      keepAllHours: values.keepAllHours,
      keepDailyDays: values.keepDailyDays,
      keepMonthlyMonths: values.keepMonthlyMonths,
      secondLocation: values.secondLocation?.trim() || null,
      warnAfterDays: values.warnAfterDays,
    });
    form.setFieldsValue(saved);
    void useBackupStatus.getState().refresh();
    void message.success(t('common.saved'));
  }, { handle });

  if (!loaded) return <Skeleton active />;
  return (
    <Form<BackupSettings>
      form={form}
      layout="vertical"
      initialValues={loaded}
      onFinish={() => void submit()}
      style={{ maxWidth: 560 }}
    >
      <Divider titlePlacement="start" plain>
        {t('backup.settings.schedule')}
      </Divider>
      <NumberItem name="intervalMinutes" hint={t('backup.settings.intervalHint')} />
      <Form.Item
        name="dailyAt"
        label={t('backup.settings.dailyAt')}
        extra={t('backup.settings.dailyHint')}
        getValueProps={(value: string | null) => ({ value: toTime(value) })}
        normalize={(value: Dayjs | null) => (value ? value.format('HH:mm') : null)}
        rules={[optionalRule(zodRule(shape.dailyAt))]}
      >
        <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: 200 }} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('backup.settings.retention')}
      </Divider>
      <NumberItem name="keepAllHours" />
      <NumberItem name="keepDailyDays" />
      <NumberItem name="keepMonthlyMonths" hint={t('backup.settings.retentionHint')} />
      <Divider titlePlacement="start" plain>
        {t('backup.settings.where')}
      </Divider>
      <Form.Item
        name="secondLocation"
        label={t('backup.settings.secondLocation')}
        extra={t('backup.settings.secondHint')}
        rules={[optionalRule(zodRule(shape.secondLocation))]}
      >
        <Input allowClear />
      </Form.Item>
      <NumberItem name="warnAfterDays" hint={t('backup.settings.warnHint')} />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
