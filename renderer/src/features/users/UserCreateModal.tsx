import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../electron/core/shared/permissions';
import { userCreateSchema } from '../../../../electron/core/users/shared/users.contract';
import { call } from '../../api';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { useFormSubmit } from '../../shared/useFormSubmit';
import { zodRule } from '../../shared/zodRule';
import { RolesField } from './RolesField';

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  roles: RoleCode[];
}

const FIELDS = ['username', 'displayName', 'password', 'roles'] as const;
const shape = userCreateSchema.shape;

export function UserCreateModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, FIELDS, async (values) => {
    await call('user.create', {
      username: values.username,
      displayName: values.displayName,
      password: values.password,
      roles: values.roles,
    });
    void message.success(t('users.created'));
    onSaved();
  });

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ roles: [] }}>
        <Form.Item name="username" label={t('fields.username')} required rules={[zodRule(shape.username)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} required rules={[zodRule(shape.displayName)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <NewPasswordFields
          name="password"
          confirmName="confirmPassword"
          label={t('fields.password')}
          confirmLabel={t('fields.confirmPassword')}
        />
        <RolesField />
      </Form>
    </Modal>
  );
}
