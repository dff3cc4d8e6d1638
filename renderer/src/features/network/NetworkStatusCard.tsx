import { SyncOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkStatus } from '../../../../electron/core/network/shared/network.contract';
import { formatDateTime } from '../../shared/format';
import { fingerprintLines, listenerErrorText } from './networkView';

const STATE_COLOR = { off: 'default', running: 'green', failed: 'red' } as const;

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

/** The listener's state: 未开启 / 运行中 / 启动失败 with its reason, or 正在应用 while a save settles. */
function StateTag({ listener, applying }: { listener: NetworkStatus['listener']; applying: boolean }) {
  const { t } = useTranslation();
  if (applying) {
    return (
      <Tag
        icon={<SyncOutlined spin aria-hidden />}
        color="processing"
        data-testid="network-state"
        data-state="applying"
      >
        {t('network.status.applying')}
      </Tag>
    );
  }
  const reason = listener.state === 'failed' ? listenerErrorText(listener.error) : null;
  return (
    <Flex wrap align="center" gap={8}>
      <Tag color={STATE_COLOR[listener.state]} data-testid="network-state" data-state={listener.state}>
        {t(`network.status.${listener.state}`)}
      </Tag>
      {reason && (
        <Typography.Text type="danger" data-testid="network-failure">
          {t(reason.key, reason.params)}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** An address to give to people: copyable, or a dash while the service is not running. */
function Address({ url, testId }: { url: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!url) return <Typography.Text type="secondary">{t('network.status.notRunning')}</Typography.Text>;
  return (
    <Typography.Text copyable strong data-testid={testId}>
      {url}
    </Typography.Text>
  );
}

/**
 * 服务状态: whether the LAN listener serves and, if not, why; the addresses people open (the app
 * over HTTPS, the trust page over HTTP); the certificate authority's fingerprint to compare on a
 * phone; the server certificate's end and addresses.
 */
export function NetworkStatusCard({
  status,
  applying,
  extra,
}: {
  status: NetworkStatus;
  applying: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { listener, serverCert } = status;
  return (
    <Card size="small" title={t('network.status.title')} extra={extra}>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 180, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'state',
            label: t('network.status.state'),
            children: <StateTag listener={listener} applying={applying} />,
          },
          { key: 'url', label: t('network.status.url'), children: <Address url={listener.url} testId="network-url" /> },
          {
            key: 'trust',
            label: t('network.status.trustUrl'),
            children: (
              <Flex vertical gap={2}>
                <Address url={listener.trustUrl} testId="network-trust-url" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('network.status.trustHint')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'ca',
            label: t('network.status.caFingerprint'),
            children: status.caFingerprint ? (
              <Typography.Text style={mono} data-testid="network-ca-fingerprint">
                {fingerprintLines(status.caFingerprint).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('network.status.caNone')}</Typography.Text>
            ),
          },
          {
            key: 'end',
            label: t('network.status.certEnd'),
            children: serverCert ? (
              formatDateTime(serverCert.notAfter)
            ) : (
              <Typography.Text type="secondary">{t('network.status.certNone')}</Typography.Text>
            ),
          },
          {
            key: 'addresses',
            label: t('network.status.certAddresses'),
            children: serverCert ? (
              serverCert.addresses.join(t('common.listSeparator'))
            ) : (
              <Typography.Text type="secondary">{t('network.status.certNone')}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
