import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { closeCircle, exclamationCircle, type IconData, loading as loadingIcon } from './signInIcons';

/**
 * antd's markup for the few components the signed-out screens draw, without antd's runtime:
 * antd's prebuilt stylesheet (virtual:antd-first.css) styles them, so they look like antd's own.
 * The sign-in screen's first chunk then carries no antd code: loading, compiling and running antd
 * and computing its theme took about half of the time before the sign-in form showed.
 */

/** An antd icon (its `anticon` markup) from path data. */
export function Icon({ name, data, spin, label }: { name: string; data: IconData; spin?: boolean; label?: string }) {
  return (
    <span role="img" aria-label={label ?? name} aria-hidden={label ? undefined : true} className={`anticon anticon-${name}${spin ? ' anticon-spin' : ''}`}>
      <svg viewBox={data.viewBox} fillRule={data.evenOdd ? 'evenodd' : undefined} focusable="false" width="1em" height="1em" fill="currentColor" aria-hidden="true">
        {data.paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </span>
  );
}

const ALERT_ICON = {
  error: { name: 'close-circle', data: closeCircle },
  warning: { name: 'exclamation-circle', data: exclamationCircle },
} as const;

/** antd's <Alert type showIcon title> (role="alert"). */
export function PlainAlert({ type, title }: { type: keyof typeof ALERT_ICON; title: string }) {
  const icon = ALERT_ICON[type];
  return (
    <div className={`ant-alert ant-alert-${type} ant-alert-outlined`} role="alert" style={{ marginBottom: 16 }}>
      <span className="ant-alert-icon">
        <Icon name={icon.name} data={icon.data} />
      </span>
      <div className="ant-alert-section">
        <div className="ant-alert-title">{title}</div>
      </div>
    </div>
  );
}

interface PlainButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  primary?: boolean;
  block?: boolean;
  busy?: boolean;
  icon?: ReactNode;
}

/** antd's <Button> (default or primary, block, loading, an icon). */
export function PlainButton({ primary, block, busy, icon, children, type = 'button', ...rest }: PlainButtonProps) {
  const look = primary ? 'ant-btn-primary ant-btn-color-primary ant-btn-variant-solid' : 'ant-btn-default ant-btn-color-default ant-btn-variant-outlined';
  const shown = busy ? <Icon name="loading" data={loadingIcon} spin /> : icon;
  return (
    <button type={type} className={`ant-btn ${look}${block ? ' ant-btn-block' : ''}${busy ? ' ant-btn-loading' : ''}`} {...rest}>
      {shown && <span className={`ant-btn-icon${busy ? ' ant-btn-loading-icon' : ''}`}>{shown}</span>}
      <span>{children}</span>
    </button>
  );
}

/** antd's vertical <Form.Item required label> around one control, with its error below. */
export function PlainField({ id, label, error, children }: { id: string; label: string; error: string | null; children: ReactNode }) {
  return (
    <div className={`ant-form-item ant-form-css-var ant-form-item-vertical${error ? ' ant-form-item-with-help ant-form-item-has-error' : ''}`}>
      <div className="ant-row ant-form-item-row">
        <div className="ant-col ant-form-item-label">
          <label htmlFor={id} className="ant-form-item-required" title={label}>
            {label}
          </label>
        </div>
        <div className="ant-col ant-form-item-control">
          <div className="ant-form-item-control-input">
            <div className="ant-form-item-control-input-content">{children}</div>
          </div>
          {error && (
            <div className="ant-form-item-additional" style={{ minHeight: 24 }}>
              <div id={`${id}_help`} className="ant-form-item-explain ant-form-css-var ant-form-item-explain-connected">
                <div className="ant-form-item-explain-error">{error}</div>
              </div>
            </div>
          )}
        </div>
      </div>
      {error && <div className="ant-form-item-margin-offset" style={{ marginBottom: -24 }} />}
    </div>
  );
}
