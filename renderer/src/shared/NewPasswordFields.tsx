import { Form, Input } from 'antd';
import { passwordSchema } from '../../../electron/core/auth/shared/auth.contract';
import { sameAsRule, zodRule } from './zodRule';

/** A new password and its confirmation (the confirmation is checked here, never sent). */
export function NewPasswordFields({
  name,
  confirmName,
  label,
  confirmLabel,
}: {
  name: string;
  confirmName: string;
  label: string;
  confirmLabel: string;
}) {
  return (
    <>
      <Form.Item name={name} label={label} required rules={[zodRule(passwordSchema)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name={confirmName} label={confirmLabel} required dependencies={[name]} rules={[sameAsRule(name)]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
