import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { endSignInAgain, useReauth } from '../stores/reauth';
import { useSession } from '../stores/session';
import { errorText } from '../shared/errorText';

/**
 * 重新登录 over the page (stores/reauth.ts): the server was restarted and no longer knows the
 * session. The same person signs in again; the page and what was typed in it stay, and the call
 * that found the session gone goes on. Another person's sign-in is the sign-in screen's.
 */
export function ReauthModal() {
  const { t } = useTranslation();
  const open = useReauth((s) => s.open);
  const user = useSession((s) => s.user);
  const phase = useSession((s) => s.phase);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // the session was ended for another reason meanwhile (the sign-in screen shows why)
  useEffect(() => {
    if (open && phase !== 'ready') endSignInAgain(false);
  }, [open, phase]);

  useEffect(() => {
    if (!open) {
      setPassword('');
      setError(null);
      setBusy(false);
    }
  }, [open]);

  if (!user) return null;

  const submit = async () => {
    if (!password) return;
    setBusy(true);
    setError(null);
    try {
      const signedIn = await call('auth.login', { username: user.username, password });
      useSession.getState().signIn(signedIn);
      endSignInAgain(true);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('connection.reauth.title')}
      okText={t('connection.reauth.submit')}
      cancelText={t('connection.reauth.toSignIn')}
      onOk={() => void submit()}
      onCancel={() => endSignInAgain(false)}
      okButtonProps={{ loading: busy, disabled: !password }}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      styles={{ mask: { backdropFilter: 'blur(6px)' } }}
    >
      <Typography.Paragraph>{t('connection.reauth.why')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('fields.username')} htmlFor="kh-reauth-username">
          <Input id="kh-reauth-username" value={user.username} disabled />
        </Form.Item>
        <Form.Item label={t('fields.password')} htmlFor="kh-reauth-password">
          <Input.Password
            id="kh-reauth-password"
            autoFocus
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
