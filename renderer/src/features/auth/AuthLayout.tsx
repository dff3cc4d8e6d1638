import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';

/** The frame of the signed-out screens: app title, a card, the language switch. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ flex: 1, padding: '24px 16px 64px' }}>
        <Typography.Title level={2} style={{ marginBottom: 24 }}>
          {t('app.title')}
        </Typography.Title>
        <Card title={title} style={{ width: '100%', maxWidth: 420 }}>
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
