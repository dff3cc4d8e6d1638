import { WarningFilled } from '@ant-design/icons';
import { Button, Flex, theme } from 'antd';
import { useTranslation } from 'react-i18next';

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
