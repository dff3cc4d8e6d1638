import { Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_CODES } from '../../../../electron/core/shared/permissions';
import { userCreateSchema } from '../../../../electron/core/users/shared/users.contract';
import { translateOr } from '../../shared/translate';
import { zodRule } from '../../shared/zodRule';

/** The role checkboxes of the user forms, with translated role names. */
export function RolesField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="roles" label={t('fields.roles')} required rules={[zodRule(userCreateSchema.shape.roles)]}>
      <Checkbox.Group options={ROLE_CODES.map((code) => ({ value: code, label: translateOr('role', code) }))} />
    </Form.Item>
  );
}
