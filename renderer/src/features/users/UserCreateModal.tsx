import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../electron/core/shared/permissions';
import { userCreateSchema } from '../../../../electron/core/users/shared/users.contract';
import { call } from '../../api';
import { FormModal } from '../../shared/FormModal';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
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

export function UserCreateModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  return (
    <FormModal<Values>
      open={open}
      title={t('users.createTitle')}
      fields={FIELDS}
      initialValues={{ roles: [] }}
      onSubmit={async (values) => {
        await call('user.create', {
          username: values.username,
          displayName: values.displayName,
          password: values.password,
          roles: values.roles,
        });
        void message.success(t('users.created'));
        onSaved();
      }}
      onCancel={onClose}
    >
      <Form.Item name="username" label={t('fields.username')} required rules={[zodRule(shape.username)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('fields.displayName')} required rules={[zodRule(shape.displayName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <NewPasswordFields />
      <RolesField />
    </FormModal>
  );
}
