import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../electron/core/shared/permissions';
import { type UserRow, userCreateSchema } from '../../../../electron/core/users/shared/users.contract';
import { ApiCallError, call } from '../../api';
import { FormModal } from '../../shared/FormModal';
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

  return (
    <FormModal<Values>
      open={!!user}
      title={t('users.editTitle', { name: user?.username ?? '' })}
      fields={FIELDS}
      initialValues={user ? { displayName: user.displayName, roles: user.roles as RoleCode[] } : undefined}
      onSubmit={async (values) => {
        if (!user) return;
        const saved = await call('user.update', {
          id: user.id,
          version: user.version,
          displayName: values.displayName,
          roles: values.roles,
        });
        void message.success(t('users.updated'));
        onSaved(saved);
      }}
      onCancel={onClose}
      onConflict={onStale}
      onFailed={(error) => {
        if (error instanceof ApiCallError && error.code === 'NOT_FOUND') onSaved(null);
      }}
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
    </FormModal>
  );
}
