import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/core/contract';
import { call } from '../../api';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';

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
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    await call('auth.changePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    void message.success(t('auth.changePassword.done'));
    onClose();
  });

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
        <NewPasswordFields
          name="newPassword"
          confirmName="confirmPassword"
          label={t('auth.changePassword.new')}
          confirmLabel={t('auth.changePassword.confirm')}
        />
      </Form>
    </Modal>
  );
}
