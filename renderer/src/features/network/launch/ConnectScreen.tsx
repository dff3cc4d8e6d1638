import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaunchBridge } from '../../../../../electron/core/network/shared/launch-bridge';

interface Confirm {
  caFingerprint: string;
  server: string;
}

/**
 * 连接到办公室服务器: the QR code's address (a scanner types it, then Enter) or the short code with
 * the server's address. A typed code first shows the server's CA fingerprint to compare with the
 * one on the server PC; the code is sent only after 指纹一致.
 */
export function ConnectScreen(props: { bridge: LaunchBridge; initialMessageKey?: string; onBack?: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [messageKey, setMessageKey] = useState<string | undefined>(props.initialMessageKey);
  const [confirm, setConfirm] = useState<Confirm | null>(null);

  const send = async (confirmedCa?: string) => {
    setBusy(true);
    setMessageKey(undefined);
    try {
      const r = await props.bridge.connect(text, address, confirmedCa);
      if (r.ok) return; // the main process opens the server's app in place of this window
      if ('confirm' in r) setConfirm(r.confirm);
      else {
        setConfirm(null);
        setMessageKey(r.messageKey);
      }
    } catch {
      setMessageKey('launch.errors.pairingFailed');
    } finally {
      setBusy(false);
    }
  };

  if (confirm)
    return (
      <Card title={t('launch.confirm.title')} style={{ width: '100%', maxWidth: 560 }}>
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('launch.confirm.intro')}</Typography.Paragraph>
          <div>
            <Typography.Text type="secondary">{t('launch.confirm.server')}</Typography.Text>
            <div>
              <Typography.Text strong data-testid="launch-server">
                {confirm.server}
              </Typography.Text>
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('launch.confirm.fingerprint')}</Typography.Text>
            <div
              data-testid="launch-fingerprint"
              translate="no"
              style={{ fontFamily: 'monospace', fontSize: 15, lineHeight: 1.8 }}
            >
              {/* a line may break after a colon only, never inside a byte */}
              {confirm.caFingerprint.split(':').map((byte, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the bytes' places are their identity
                <span key={i}>
                  {i > 0 && ':'}
                  {i > 0 && <wbr />}
                  {byte}
                </span>
              ))}
            </div>
          </div>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setConfirm(null)} disabled={busy}>
              {t('launch.confirm.cancel')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void send(confirm.caFingerprint)}>
              {t('launch.confirm.ok')}
            </Button>
          </Flex>
        </Flex>
      </Card>
    );

  return (
    <Card title={t('launch.connect.title')} style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('launch.connect.intro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void send()} requiredMark={false}>
        <Form.Item label={t('launch.connect.code')} htmlFor="launch-code">
          <Input
            id="launch-code"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={text}
            placeholder={t('launch.connect.codePlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('launch.connect.address')} htmlFor="launch-address" extra={t('launch.connect.addressHint')}>
          <Input
            id="launch-address"
            autoComplete="off"
            spellCheck={false}
            value={address}
            placeholder={t('launch.connect.addressPlaceholder')}
            onChange={(e) => setAddress(e.target.value)}
          />
        </Form.Item>
        {messageKey && (
          <Alert type="error" showIcon role="alert" message={t(messageKey)} style={{ marginBottom: 24 }} />
        )}
        <Flex gap={8} justify="flex-end">
          {props.onBack && (
            <Button onClick={props.onBack} disabled={busy}>
              {t('launch.connect.back')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {busy ? t('launch.connect.working') : t('launch.connect.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
