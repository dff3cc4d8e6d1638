import { useTranslation } from 'react-i18next';

/**
 * While the app asks the core who is signed in (after a retry; at start main.tsx waits for the
 * answer before the first render): the skeleton index.html paints before any script (its styles
 * live there), so the screen does not change until the real one is ready.
 */
export function BootScreen() {
  const { t } = useTranslation();
  return (
    <div className="kh-auth kh-sk" aria-busy="true" role="status" aria-label={t('app.loading')}>
      <div className="kh-auth-top">
        <i style={{ width: 100, height: 32 }} />
      </div>
      <div className="kh-auth-main">
        <i className="kh-auth-title" />
        <div className="kh-auth-card kh-sk-card">
          <div className="kh-sk-head">
            <i style={{ width: 72, height: 16 }} />
          </div>
          <div className="kh-sk-body">
            <i className="kh-sk-line" />
            <i className="kh-sk-label" />
            <i className="kh-sk-input" />
            <i className="kh-sk-label" />
            <i className="kh-sk-input" />
            <i className="kh-sk-button" />
          </div>
        </div>
      </div>
    </div>
  );
}
