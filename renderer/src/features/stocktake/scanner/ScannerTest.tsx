import type { InputRef } from 'antd';
import { Button, Empty, Input, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedbackKind, playFeedback } from './feedbackSound';
import { pickScannerSettings, useScannerSettings } from './scannerSettings';
import type { ScanTrace } from './types';
import { useScanCapture } from './useScanCapture';

const SOUND_KINDS: FeedbackKind[] = ['found', 'duplicate', 'unknown', 'deactivated', 'outOfScope', 'failed'];
const KEEP = 8;

interface Row extends ScanTrace {
  n: number;
}

const RECOGNIZED_COLOR = { scanner: 'green', keyboard: 'blue', none: 'default' } as const;

/**
 * The scanner test in 设置: scan into the box and see what the app read: the characters, the gap
 * before every key (from the events' timeStamp), whether it counts as a scan, and whether an
 * input method was on. The same capture as the counting screen, with this PC's settings.
 */
export function ScannerTest() {
  const { t } = useTranslation();
  const stored = useScannerSettings();
  const settings = useMemo(() => pickScannerSettings(stored), [stored]);
  const inputRef = useRef<InputRef>(null);
  const fieldRef = useMemo(
    () => ({
      get current() {
        return inputRef.current?.input ?? null;
      },
    }),
    [],
  );
  const [rows, setRows] = useState<Row[]>([]);
  const counter = useRef(0);

  useScanCapture({
    enabled: true,
    settings,
    fieldRef,
    onScan: () => playFeedback('found', settings.sound),
    onTrace: (trace) => {
      counter.current += 1;
      const row = { ...trace, n: counter.current };
      setRows((old) => [row, ...old].slice(0, KEEP));
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('stocktake.scanner.test.intro')}
      </Typography.Paragraph>
      <Space>
        <Input
          ref={inputRef}
          placeholder={t('stocktake.scanner.test.placeholder')}
          style={{ width: 320 }}
          autoComplete="off"
          data-testid="scanner-test-field"
        />
        <Button onClick={() => setRows([])} disabled={rows.length === 0}>
          {t('stocktake.scanner.test.clear')}
        </Button>
      </Space>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stocktake.scanner.test.empty')} />
      ) : (
        rows.map((row) => <TraceRow key={row.n} row={row} />)
      )}
      <Space wrap>
        <Typography.Text type="secondary">{t('stocktake.scanner.test.sounds')}</Typography.Text>
        {SOUND_KINDS.map((kind) => (
          <Button key={kind} size="small" onClick={() => playFeedback(kind, true)}>
            {t(`stocktake.scanner.sounds.${kind}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

function TraceRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  const recognized = row.recognized ?? 'none';
  const span = Math.round(row.gaps.reduce((a, b) => a + b, 0));
  const slowest = row.gaps.length ? Math.max(...row.gaps) : 0;
  return (
    <div data-testid="scanner-trace" style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 12 }}>
      <Space wrap size={[8, 4]}>
        <Tag color={RECOGNIZED_COLOR[recognized]}>{t(`stocktake.scanner.test.recognized.${recognized}`)}</Tag>
        <Tag color={row.ime ? 'orange' : 'default'}>
          {t(row.ime ? 'stocktake.scanner.test.ime' : 'stocktake.scanner.test.noIme')}
        </Tag>
        <Typography.Text type="secondary">
          {t('stocktake.scanner.test.keys', { count: [...row.raw].length, ms: span })}
        </Typography.Text>
      </Space>
      <div>
        <Typography.Text type="secondary">{t('stocktake.scanner.test.raw')}: </Typography.Text>
        <Typography.Text code>{row.raw || t('common.empty')}</Typography.Text>
        {row.code ? (
          <>
            <Typography.Text type="secondary"> {t('stocktake.scanner.test.code')}: </Typography.Text>
            <Typography.Text code strong>
              {row.code}
            </Typography.Text>
          </>
        ) : null}
      </div>
      <div>
        <Typography.Text type="secondary">{t('stocktake.scanner.test.gaps')}: </Typography.Text>
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{row.gaps.join(' · ')}</Typography.Text>
        <Typography.Text type="secondary"> ({t('stocktake.scanner.test.slowest', { ms: slowest })})</Typography.Text>
      </div>
    </div>
  );
}
