import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './plainAntd';
import { eye, eyeInvisible } from './signInIcons';

interface Props {
  id: string;
  autoComplete: string;
  error: boolean;
  value: string;
  onChange: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** antd's <Input.Password> markup: the password, and an eye that shows or hides it. */
export function PasswordInput({ error, onChange, ...input }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const toggle = () => setShown((s) => !s);
  return (
    <span className={`ant-input-affix-wrapper ant-input-outlined ant-input-password ant-input-css-var${error ? ' ant-input-status-error' : ''}`}>
      <input {...input} type={shown ? 'text' : 'password'} aria-required="true" className="ant-input" onChange={(e) => onChange(e.target.value)} />
      <span className="ant-input-suffix">
        {/* antd's eye (antd draws a span with the button role); a mouse press keeps the focus in the field */}
        <button
          type="button"
          className="ant-input-password-icon kh-bare-button"
          aria-pressed={shown}
          aria-label={t(shown ? 'auth.login.hidePassword' : 'auth.login.showPassword')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={toggle}
        >
          {shown ? <Icon name="eye" data={eye} /> : <Icon name="eye-invisible" data={eyeInvisible} />}
        </button>
      </span>
    </span>
  );
}
