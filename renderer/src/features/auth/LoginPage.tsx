import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api';
import { errorText, showFieldErrors } from '../../shared/apiErrors';
import { translateKey } from '../../shared/translate';
import { useRevalidateOnLanguage } from '../../shared/useRevalidateOnLanguage';
import { lazyZodRule } from '../../shared/zodRule';
import { useSession } from '../../stores/session';
import { AuthLayout } from './AuthLayout';
import { completeSignIn } from './completeSignIn';

interface LoginValues {
  username: string;
  password: string;
}

// the contract's own rules, loaded at the first check: zod stays out of the first chunk
const loginInput = () => import('../../../../electron/core/auth/shared/auth.contract').then((m) => m.authContract['auth.login'].input.shape);
const FIELDS = ['username', 'password'] as const;

/** Sign-in; shows why a sign-in was refused (wrong password, locked for N minutes, disabled). */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  useRevalidateOnLanguage(form);
  const notice = useSession((s) => s.notice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const user = await call('auth.login', values);
      navigate('/', { replace: true });
      await completeSignIn(user);
    } catch (err) {
      if (!showFieldErrors(form, err, FIELDS)) setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.login.title')}>
      {/* Typography.Paragraph's markup (see AuthLayout for why not the component) */}
      <div className="ant-typography ant-typography-secondary kh-auth-lead">{t('auth.login.subtitle')}</div>
      {notice && !error && <Alert type="warning" showIcon title={translateKey(notice)} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<LoginValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="username" label={t('fields.username')} required rules={[lazyZodRule(() => loginInput().then((s) => s.username))]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} required rules={[lazyZodRule(() => loginInput().then((s) => s.password))]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
