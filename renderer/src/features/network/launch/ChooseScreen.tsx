import { CloudServerOutlined, DesktopOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The first start's question: this PC holds the archive, or connects to the office server. */
export function ChooseScreen({ onLocal, onConnect }: { onLocal: () => void; onConnect: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Title level={4} style={{ margin: 0, textAlign: 'center' }}>
        {t('launch.choose.title')}
      </Typography.Title>
      <Choice
        icon={<DesktopOutlined aria-hidden />}
        title={t('launch.choose.local')}
        hint={t('launch.choose.localHint')}
        onClick={onLocal}
      />
      <Choice
        icon={<CloudServerOutlined aria-hidden />}
        title={t('launch.choose.client')}
        hint={t('launch.choose.clientHint')}
        onClick={onConnect}
      />
    </Flex>
  );
}

function Choice(props: { icon: ReactNode; title: string; hint: string; onClick: () => void }) {
  return (
    <Card
      hoverable
      role="button"
      tabIndex={0}
      onClick={props.onClick}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onClick();
        }
      }}
      styles={{ body: { padding: 24 } }}
    >
      <Flex gap={20} align="center">
        <span style={{ fontSize: 40, color: '#1677ff' }}>{props.icon}</span>
        <Flex vertical gap={4}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {props.title}
          </Typography.Text>
          <Typography.Text type="secondary">{props.hint}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
