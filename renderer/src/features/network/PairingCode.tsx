import { Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceKind } from '../../../../electron/core/network/shared/network.contract';
import { call } from '../../api';
import { pairPageUrl, remaining, serverOrigin } from './networkView';

export interface Pairing {
  pairingId: number;
  url: string;
  shortCode: string;
  expiresAt: string;
  spkiSha256: string;
}

/** How often the dialog asks whether the device has paired. */
const POLL_MS = 2000;

const mono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** The QR code of the pairing's URL, drawn as SVG (the `qrcode` package, loaded here), shown as an image. */
function PairingQr({ url }: { url: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // the QR code library comes with the first code shown, not with the settings page
    void import('qrcode')
      .then((qr) => qr.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((s) => {
        if (live) setSvg(s);
      });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div
      style={{ width: 220, height: 220, flex: 'none', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      {svg ? (
        <img
          src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
          alt={t('network.pair.qrAlt')}
          width={220}
          height={220}
          data-testid="pairing-qr"
          data-url={url}
        />
      ) : (
        <Spin />
      )}
    </div>
  );
}

/** Asks every POLL_MS whether the pairing was used or ran out; calls back once when it did. */
function usePairingPoll(pairingId: number, onPaired: (d: Device) => void, onExpired: () => void) {
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        call('network.pairing', { pairingId })
          .then((answer) => {
            if (!live) return;
            if (answer.state === 'paired' && answer.device) onPaired(answer.device);
            else if (answer.state === 'expired') onExpired();
            else poll();
          })
          // a call that failed (the server was busy): ask again at the next beat
          .catch(() => {
            if (live) poll();
          });
      }, POLL_MS);
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pairingId, onPaired, onExpired]);
}

/** Seconds left, ticking; onEnd once when none is. */
function useRemaining(expiresAt: string, onEnd: () => void) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const left = remaining(expiresAt, now);
  useEffect(() => {
    if (left.seconds === 0) onEnd();
  }, [left.seconds, onEnd]);
  return left;
}

/**
 * A pairing waiting for its device: the QR code, the short code to type (large, monospace), the
 * time left, and the steps on the device (a phone: trust page first; another PC: its app's
 * 连接到办公室服务器).
 */
export function PairingCode({
  pairing,
  kind,
  trustUrl,
  onPaired,
  onExpired,
}: {
  pairing: Pairing;
  kind: DeviceKind;
  trustUrl: string | null;
  onPaired: (d: Device) => void;
  onExpired: () => void;
}) {
  const { t } = useTranslation();
  usePairingPoll(pairing.pairingId, onPaired, onExpired);
  const left = useRemaining(pairing.expiresAt, onExpired);
  const steps =
    kind === 'browser'
      ? [
          t('network.pair.browser.step1', { trustUrl: trustUrl ?? t('network.status.notRunning') }),
          t('network.pair.browser.step2', { pairUrl: pairPageUrl(pairing.url) }),
          t('network.pair.browser.step3'),
        ]
      : [
          t('network.pair.desktop.step1'),
          t('network.pair.desktop.step2', { server: serverOrigin(pairing.url) }),
          t('network.pair.desktop.step3'),
        ];
  return (
    <Flex gap={24} align="start">
      <PairingQr url={pairing.url} />
      <Flex vertical gap={8} style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('network.pair.code')}</Typography.Text>
        <Typography.Text
          data-testid="pairing-code"
          style={{ fontFamily: mono, fontSize: 32, fontWeight: 600, letterSpacing: 2, lineHeight: 1.2 }}
        >
          {pairing.shortCode}
        </Typography.Text>
        <Typography.Text type={left.seconds <= 60 ? 'warning' : 'secondary'} data-testid="pairing-countdown">
          {t('network.pair.expiresIn', { time: left.text })}
        </Typography.Text>
        <ol style={{ paddingInlineStart: 20, margin: '8px 0' }}>
          {steps.map((s) => (
            <li key={s} style={{ wordBreak: 'break-all', marginBottom: 4 }}>
              {s}
            </li>
          ))}
        </ol>
        <Flex align="center" gap={8}>
          <Spin size="small" />
          <Typography.Text type="secondary">{t('network.pair.waiting')}</Typography.Text>
        </Flex>
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('network.pair.spki')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: mono, wordBreak: 'break-all' }}>
            {pairing.spkiSha256}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
