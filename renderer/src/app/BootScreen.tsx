import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function BootScreen() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </Flex>
  );
}

export function BootFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('app.bootFailed')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
