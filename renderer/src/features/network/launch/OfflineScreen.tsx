import { DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LaunchBridge, RETRY_SECONDS } from '../../../../../electron/core/network/shared/launch-bridge';

/**
 * A client PC whose office server does not answer: says so, tries again every few seconds (the
 * main process opens the server's app as soon as it answers), 重试 at once. No 本机保存数据 here:
 * that would start an empty archive. When the server no longer knows this PC (撤销), 重新配对;
 * when the server PC got another address, the new address (same CA and device secret).
 */
export function OfflineScreen(props: {
  bridge: LaunchBridge;
  server: string;
  messageKey: string;
  onPairAgain: (messageKey?: string) => void;
}) {
  const { t } = useTranslation();
  const { bridge, onPairAgain } = props;
  const [messageKey, setMessageKey] = useState(props.messageKey);
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState(false);
  const [address, setAddress] = useState('');
  const [moveKey, setMoveKey] = useState<string | undefined>();
  const trying = useRef(false);

  const retry = useCallback(async () => {
    if (trying.current) return;
    trying.current = true;
    setBusy(true);
    try {
      const r = await bridge.retry();
      if (!r.ok) setMessageKey(r.messageKey);
    } catch {
      setMessageKey('launch.errors.unreachable');
    } finally {
      trying.current = false;
      setBusy(false);
    }
  }, [bridge]);

  const revoked = messageKey === 'launch.errors.revoked';
  useEffect(() => {
    if (revoked) return; // no use asking again: the server refuses this PC
    const timer = setInterval(() => void retry(), RETRY_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [retry, revoked]);

  const move = async () => {
    setMoveKey(undefined);
    setBusy(true);
    try {
      const r = await bridge.moveServer(address);
      if (!r.ok) setMoveKey(r.messageKey);
    } catch {
      setMoveKey('launch.errors.unreachable');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ width: '100%', maxWidth: 600 }}>
      <Flex vertical gap={16}>
        <Flex gap={12} align="center">
          <DisconnectOutlined aria-hidden style={{ fontSize: 28, color: '#faad14' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('launch.offline.title', { server: props.server })}
          </Typography.Title>
        </Flex>
        <Alert
          type={revoked ? 'error' : 'warning'}
          showIcon
          role="status"
          message={t(messageKey)}
          description={revoked ? undefined : t('launch.offline.retrying', { seconds: RETRY_SECONDS })}
        />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('launch.offline.hint')}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          {revoked ? (
            <Button type="primary" onClick={() => onPairAgain(messageKey)}>
              {t('launch.offline.pairAgain')}
            </Button>
          ) : (
            <Button type="primary" loading={busy && !moving} onClick={() => void retry()}>
              {t('launch.offline.retry')}
            </Button>
          )}
          <Button onClick={() => setMoving((m) => !m)}>{t('launch.offline.moved')}</Button>
          {!revoked && <Button onClick={() => onPairAgain()}>{t('launch.offline.pairAgain')}</Button>}
        </Flex>
        {moving && (
          <Form layout="vertical" onFinish={() => void move()} requiredMark={false}>
            <Form.Item
              label={t('launch.offline.newAddress')}
              htmlFor="launch-new-address"
              extra={t('launch.offline.movedHint')}
            >
              <Input
                id="launch-new-address"
                autoComplete="off"
                value={address}
                placeholder={t('launch.connect.addressPlaceholder')}
                onChange={(e) => setAddress(e.target.value)}
              />
            </Form.Item>
            {moveKey && <Alert type="error" showIcon role="alert" message={t(moveKey)} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" loading={busy && moving}>
              {t('launch.offline.useNewAddress')}
            </Button>
          </Form>
        )}
      </Flex>
    </Card>
  );
}
