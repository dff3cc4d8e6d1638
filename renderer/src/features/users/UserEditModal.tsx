import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../electron/core/shared/permissions';
import { type UserRow, userCreateSchema } from '../../../../electron/core/users/shared/users.contract';
import { ApiCallError, call } from '../../api';
import { errorText, useReportError } from '../../shared/apiErrors';
import { zodRule } from '../../shared/zodRule';
import { RolesField } from './RolesField';

interface Values {
  displayName: string;
  roles: RoleCode[];
}

const FIELDS = ['displayName', 'roles'] as const;

/**
 * Edits display name and roles; sends the row's version. A stale edit (CONFLICT) keeps the dialog
 * open with the input, says who changed the user, when and what, and `onStale` reloads the row:
 * saving again then overwrites knowingly.
 */
export function UserEditModal({
  user,
  onClose,
  onSaved,
  onStale,
}: {
  user: UserRow | null;
  onClose: () => void;
  onSaved: (saved: UserRow | null) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  const submit = async () => {
    if (!user) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const saved = await call('user.update', {
        id: user.id,
        version: user.version,
        displayName: values.displayName,
        roles: values.roles,
      });
      void message.success(t('users.updated'));
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        setConflict(errorText(error));
        onStale();
        return;
      }
      reportError(error, form, FIELDS);
      if (error instanceof ApiCallError && error.code === 'NOT_FOUND') onSaved(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={t('users.editTitle', { name: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setConflict(null)}
      destroyOnHidden
    >
      {conflict && (
        <Alert type="warning" showIcon title={conflict} description={t('errors.saveAgainToOverwrite')} style={{ marginBottom: 16 }} />
      )}
      {user && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ displayName: user.displayName, roles: user.roles as RoleCode[] }}
        >
          <Form.Item
            name="displayName"
            label={t('fields.displayName')}
            required
            rules={[zodRule(userCreateSchema.shape.displayName)]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <RolesField />
        </Form>
      )}
    </Modal>
  );
}
