import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../electron/core/permissions';
import { userCreateSchema } from '../../../../electron/core/users/users.contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { sameAsRule, zodRule } from '../../shared/zodRule';
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
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      await call('user.create', {
        username: values.username,
        displayName: values.displayName,
        password: values.password,
        roles: values.roles,
      });
      void message.success(t('users.created'));
      onSaved();
    } catch (error) {
      reportError(error, form, FIELDS);
    } finally {
      setBusy(false);
    }
  };

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
        <Form.Item name="password" label={t('fields.password')} required rules={[zodRule(shape.password)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('fields.confirmPassword')}
          required
          dependencies={['password']}
          rules={[sameAsRule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RolesField />
      </Form>
    </Modal>
  );
}
