import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '../../../../electron/core/auth/auth.contract';
import type { UserRow } from '../../../../electron/core/users/users.contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { sameAsRule, zodRule } from '../../shared/zodRule';

interface Values {
  password: string;
  confirmPassword: string;
}

const FIELDS = ['password'] as const;

/** The administrator sets a new password for a user (also lifts a lockout). */
export function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await call('user.resetPassword', { id: user.id, password: values.password });
      void message.success(t('users.passwordReset'));
      onSaved();
    } catch (error) {
      reportError(error, form, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={t('users.resetTitle', { name: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label={t('users.newPassword')} required rules={[zodRule(passwordSchema)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('users.confirmNewPassword')}
          required
          dependencies={['password']}
          rules={[sameAsRule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
