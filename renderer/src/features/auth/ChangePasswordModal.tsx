import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/core/contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { sameAsRule, zodRule } from '../../shared/zodRule';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const input = contract['auth.changePassword'].input.shape;
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The signed-in user changes their own password. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('auth.changePassword.done'));
      onClose();
    } catch (error) {
      reportError(error, form, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.current')}
          required
          rules={[zodRule(input.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.new')}
          required
          rules={[zodRule(input.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.changePassword.confirm')}
          required
          dependencies={['newPassword']}
          rules={[sameAsRule('newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
