import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../electron/core/users/shared/users.contract';
import { call } from '../../api';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { useFormSubmit } from '../../shared/useFormSubmit';

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
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    if (!user) return;
    await call('user.resetPassword', { id: user.id, password: values.password });
    void message.success(t('users.passwordReset'));
    onSaved();
  });

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
        <NewPasswordFields
          name="password"
          confirmName="confirmPassword"
          label={t('users.newPassword')}
          confirmLabel={t('users.confirmNewPassword')}
        />
      </Form>
    </Modal>
  );
}
