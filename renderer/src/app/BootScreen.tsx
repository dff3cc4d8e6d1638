import { WarningFilled } from '@ant-design/icons';
import { Button, Flex, theme } from 'antd';
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

/**
 * The core could not be reached at start. Drawn like antd's warning Result, without it: Result
 * brings its 403/404/500 illustrations (~40 KB) into the first chunk, which must stay small.
 */
export function BootFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical align="center" gap={24} style={{ padding: '48px 32px' }}>
      <WarningFilled aria-hidden style={{ fontSize: 72, color: token.colorWarning }} />
      {/* Typography.Title's markup: the component would bring its tooltip and copy code along */}
      <h3 className="ant-typography" style={{ margin: 0, fontWeight: 400 }}>
        {t('app.bootFailed')}
      </h3>
      <Button type="primary" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </Flex>
  );
}
