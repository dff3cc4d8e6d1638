import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api';
import { errorText, fieldErrorKeys, fieldErrorText } from '../../shared/errorText';
import { translateKey } from '../../shared/translate';
import { fieldMessage } from '../../shared/zodRule';
import { useSession } from '../../stores/session';
import { AuthLayout } from './AuthLayout';
import { completeSignIn } from './completeSignIn';
import { PlainAlert, PlainButton, PlainField } from './plainAntd';
import { PasswordInput } from './PasswordInput';

type Field = 'username' | 'password';
type Values = Record<Field, string>;
type Errors = Record<Field, string | null>;

// the contract's own rules, loaded at the first check: zod stays out of the first chunk
const loginInput = () => import('../../../../electron/core/auth/shared/auth.contract').then((m) => m.authContract['auth.login'].input.shape);
const FIELDS = ['username', 'password'] as const;
const NO_ERRORS: Errors = { username: null, password: null };

async function check(field: Field, value: string): Promise<string | null> {
  return fieldMessage((await loginInput())[field], value);
}

/**
 * Sign-in; shows why a sign-in was refused (wrong password, locked for N minutes, disabled).
 * Drawn with antd's markup and stylesheet but without antd's code (plainAntd.tsx): the first
 * screen must show fast. Checks as antd's Form did: a field when it changes, both on submit.
 */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const notice = useSession((s) => s.notice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState<Values>({ username: '', password: '' });
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  // the latest values: a check whose field has changed since is dropped
  const latest = useRef(values);
  const navigate = useNavigate();

  const recheck = (field: Field, value: string) => {
    void check(field, value).then((message) => {
      if (latest.current[field] === value) setErrors((e) => ({ ...e, [field]: message }));
    });
  };
  const change = (field: Field, value: string) => {
    latest.current = { ...latest.current, [field]: value };
    setValues(latest.current);
    recheck(field, value);
  };

  // a message is made in the language of the moment it was checked: the fields that show one are
  // checked again when the language changes
  const language = i18n.language;
  const checkedIn = useRef(language);
  useEffect(() => {
    if (checkedIn.current === language) return;
    checkedIn.current = language;
    for (const field of FIELDS) if (errors[field] !== null) recheck(field, latest.current[field]);
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const sent = latest.current;
    const found = { username: await check('username', sent.username), password: await check('password', sent.password) };
    setErrors(found);
    if (found.username !== null || found.password !== null) return;
    setBusy(true);
    setError(null);
    try {
      const user = await call('auth.login', sent);
      navigate('/', { replace: true });
      await completeSignIn(user);
    } catch (err) {
      const { onForm, all } = fieldErrorKeys(err, FIELDS);
      setErrors((e) => ({ ...e, ...Object.fromEntries(onForm.map(([path, key]) => [path.split('.')[0], fieldErrorText(err, key)])) }));
      if (!all) setError(errorText(err));
      setBusy(false);
    }
  };

  const invalid = (field: Field) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}_help` } : {};

  return (
    <AuthLayout title={t('auth.login.title')}>
      {/* Typography.Paragraph's markup (see AuthLayout for why not the component) */}
      <div className="ant-typography ant-typography-secondary kh-auth-lead">{t('auth.login.subtitle')}</div>
      {notice && !error && <PlainAlert type="warning" title={translateKey(notice)} />}
      {error && <PlainAlert type="error" title={error} />}
      <form className="ant-form ant-form-vertical ant-form-css-var" onSubmit={(e) => void submit(e)} noValidate>
        <PlainField id="username" label={t('fields.username')} error={errors.username}>
          <input
            id="username"
            type="text"
            autoComplete="username"
            // biome-ignore lint/a11y/noAutofocus: the sign-in screen's one task is this field (as before, with antd's Input)
            autoFocus
            aria-required="true"
            className={`ant-input ant-input-outlined ant-input-css-var${errors.username ? ' ant-input-status-error' : ''}`}
            value={values.username}
            onChange={(e) => change('username', e.target.value)}
            {...invalid('username')}
          />
        </PlainField>
        <PlainField id="password" label={t('fields.password')} error={errors.password}>
          <PasswordInput
            id="password"
            autoComplete="current-password"
            error={errors.password !== null}
            value={values.password}
            onChange={(value) => change('password', value)}
            {...invalid('password')}
          />
        </PlainField>
        <PlainButton type="submit" primary block busy={busy}>
          {t('auth.login.submit')}
        </PlainButton>
      </form>
    </AuthLayout>
  );
}
