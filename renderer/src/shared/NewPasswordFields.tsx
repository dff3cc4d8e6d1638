import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '../../../electron/core/auth/shared/auth.contract';
import { sameAsRule, zodRule } from './zodRule';

/**
 * A new password and its confirmation (the confirmation is checked here, never sent). By default
 * the fields `password` / `confirmPassword` labelled 密码 / 确认密码.
 */
export function NewPasswordFields({
  name = 'password',
  confirmName = 'confirmPassword',
  label,
  confirmLabel,
}: {
  name?: string;
  confirmName?: string;
  label?: string;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={name} label={label ?? t('fields.password')} required rules={[zodRule(passwordSchema)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel ?? t('fields.confirmPassword')}
        required
        dependencies={[name]}
        rules={[sameAsRule(name)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
