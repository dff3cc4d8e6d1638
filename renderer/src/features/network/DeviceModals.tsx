import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Device, networkContract } from '../../../../electron/core/network/shared/network.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
import { zodRule } from '../../shared/zodRule';

const nameSchema = networkContract['network.renameDevice'].input.shape.name;
const reasonSchema = networkContract['network.revoke'].input.shape.reason.optional();

interface Props {
  open: boolean;
  /** the device the dialog is for (kept while it closes) */
  device: Device | null;
  onClose(): void;
  /** the device as the core answered it */
  onDone(device: Device): void;
}

/** 重命名: a new name for a paired device (network.renameDevice). */
export function RenameDeviceModal({ open, device, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ name: string }>
      open={open}
      title={t('network.rename.title')}
      fields={['name']}
      initialValues={{ name: device?.name }}
      submitOnEnter
      onSubmit={async (values) => {
        if (!device) return;
        const renamed = await call('network.renameDevice', { deviceId: device.id, name: values.name });
        void message.success(t('network.rename.done'));
        onDone(renamed);
      }}
      onCancel={onClose}
    >
      <Form.Item name="name" label={t('network.rename.name')} required rules={[zodRule(nameSchema)]}>
        <Input maxLength={60} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 撤销: the device is refused from its next call on and the sessions signed in on it end at once
 * (network.revoke); an optional reason is kept and shown in the table.
 */
export function RevokeDeviceModal({ open, device, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <FormModal<{ reason?: string }>
      open={open}
      title={t('network.revoke.title', { name: device?.name ?? '' })}
      okText={t('network.revoke.ok')}
      danger
      fields={['reason']}
      onSubmit={async (values) => {
        if (!device) return;
        const reason = values.reason?.trim();
        const revoked = await call('network.revoke', { deviceId: device.id, reason: reason ? reason : null });
        void message.success(t('network.revoke.done'));
        onDone(revoked);
      }}
      onCancel={onClose}
      intro={
        device && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('network.revoke.warning')}
            description={device.sessions > 0 ? t('network.revoke.sessions', { count: device.sessions }) : undefined}
          />
        )
      }
    >
      <Form.Item name="reason" label={t('network.revoke.reason')} rules={[zodRule(reasonSchema)]}>
        <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('network.revoke.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
