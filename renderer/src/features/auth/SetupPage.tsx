// antd's prebuilt styles of every component the sign-in screen does not use (build/antd-css.mts)
import 'virtual:antd-rest.css';
import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { displayNameSchema, passwordSchema, usernameSchema } from '../../../../electron/core/auth/shared/auth.contract';
import { ApiCallError, call } from '../../api';
import { type AppLocale, applyLocale, currentLocale, markChosenWhileSignedOut } from '../../app/locale';
import { errorText, showFieldErrors } from '../../shared/apiErrors';
import { useRevalidateOnLanguage } from '../../shared/useRevalidateOnLanguage';
import { sameAsRule, zodRule } from '../../shared/zodRule';
import { useSession } from '../../stores/session';
import { AuthLayout } from './AuthLayout';
import { completeSignIn } from './completeSignIn';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  locale: AppLocale;
}

const FIELDS = ['username', 'displayName', 'password', 'locale'] as const;

/** First run: creates the administrator account (there is no default password) and signs in. */
export function SetupPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [form] = Form.useForm<SetupValues>();
  useRevalidateOnLanguage(form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    form.setFieldValue('locale', locale);
  }, [form, locale]);

  const submit = async (values: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      const user = await call('auth.setup', {
        username: values.username,
        displayName: values.displayName,
        password: values.password,
        locale: values.locale,
      });
      navigate('/', { replace: true });
      await completeSignIn(user);
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'SETUP_ALREADY_DONE') {
        // someone else finished setup meanwhile: sign in instead
        useSession.setState({ phase: 'login', notice: err.messageKey });
        return;
      }
      if (!showFieldErrors(form, err, FIELDS)) setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.setup.title')}>
      <Typography.Paragraph type="secondary">{t('auth.setup.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        initialValues={{ locale }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<SetupValues>) => {
          if (changed.locale) {
            markChosenWhileSignedOut();
            applyLocale(changed.locale);
          }
        }}
      >
        <Form.Item name="username" label={t('fields.username')} required rules={[zodRule(usernameSchema)]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} required rules={[zodRule(displayNameSchema)]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} required rules={[zodRule(passwordSchema)]}>
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
        <Form.Item name="locale" label={t('language.label')}>
          <Radio.Group
            options={[
              { value: 'zh-CN', label: t('language.zh-CN') },
              { value: 'en', label: t('language.en') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
