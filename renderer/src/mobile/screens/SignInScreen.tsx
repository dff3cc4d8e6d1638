import { Button, Form, Input, NavBar, NoticeBar } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { refusalText } from '../errors';
import { setLanguage } from '../i18n';
import { rememberUser } from '../session';
import { useMobile } from '../state';
import { requestSync } from '../syncService';

/** 登录 over auth.login (the LAN session cookie). `again`: the session ended while counting. */
export function SignInScreen({ again }: { again: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(useMobile.getState().user?.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    const r = await call('auth.login', { username: username.trim(), password });
    setBusy(false);
    if (!r.ok) {
      setError(refusalText(t, r.error));
      return;
    }
    rememberUser(r.data);
    setLanguage(r.data.locale);
    useMobile.setState({ user: r.data, needSignIn: false, offline: false });
    void requestSync();
  };

  return (
    <div className="m-page">
      <NavBar back={null}>{t('m.appName')}</NavBar>
      {again ? <NoticeBar wrap color="alert" content={t('m.signIn.again')} /> : null}
      <Form
        layout="vertical"
        mode="card"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('m.signIn.submit')}
          </Button>
        }
      >
        <Form.Header>{t('m.signIn.hint')}</Form.Header>
        <Form.Item label={t('m.signIn.username')}>
          <Input
            aria-label={t('m.signIn.username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            clearable
          />
        </Form.Item>
        <Form.Item label={t('m.signIn.password')}>
          <Input
            aria-label={t('m.signIn.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
          />
        </Form.Item>
      </Form>
      {error ? (
        <div role="alert" className="m-pad" style={{ color: '#cf1322' }}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
