import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../electron/core/users/shared/users.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
import { NewPasswordFields } from '../../shared/NewPasswordFields';

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

  return (
    <FormModal<Values>
      open={!!user}
      title={t('users.resetTitle', { name: user?.username ?? '' })}
      fields={FIELDS}
      onSubmit={async (values) => {
        if (!user) return;
        await call('user.resetPassword', { id: user.id, password: values.password });
        void message.success(t('users.passwordReset'));
        onSaved();
      }}
      onCancel={onClose}
      intro={<Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>}
    >
      <NewPasswordFields label={t('users.newPassword')} confirmLabel={t('users.confirmNewPassword')} />
    </FormModal>
  );
}
