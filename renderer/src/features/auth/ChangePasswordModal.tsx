import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/core/shared/contract';
import { ApiCallError, call } from '../../api';
import { errorText } from '../../shared/apiErrors';
import { FormModal } from '../../shared/FormModal';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { zodRule } from '../../shared/zodRule';
import { useSession } from '../../stores/session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const input = contract['auth.changePassword'].input.shape;
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Whether the core ended this window's session (wrong current passwords locked the account). */
async function signedOut(): Promise<boolean> {
  try {
    return (await call('auth.status', {})).user === null;
  } catch {
    return false;
  }
}

/**
 * The signed-in user changes their own password. Wrong current passwords count toward the
 * sign-in lockout; when they lock the account the core ends the user's sessions, and the window
 * shows the lock message and returns to sign-in with a notice saying why.
 */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const submit = async (values: Values) => {
    try {
      await call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (error) {
      if (!(error instanceof ApiCallError && error.code === 'ACCOUNT_LOCKED' && (await signedOut()))) throw error;
      void message.error(errorText(error));
      onClose();
      useSession.setState({ user: null, phase: 'login', notice: 'auth.changePassword.lockedOut', lastCallAt: 0 });
      return;
    }
    void message.success(t('auth.changePassword.done'));
    onClose();
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('auth.changePassword.title')}
      fields={FIELDS}
      onSubmit={submit}
      onCancel={onClose}
      submitOnEnter
    >
      <Form.Item
        name="currentPassword"
        label={t('auth.changePassword.current')}
        required
        rules={[zodRule(input.currentPassword)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields
        name="newPassword"
        label={t('auth.changePassword.new')}
        confirmLabel={t('auth.changePassword.confirm')}
      />
    </FormModal>
  );
}
