import { Typography } from 'antd';
import { memo, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../../shared/translate';
import type { QueuedScan, ScanQueue } from '../scanner/types';
import { useQueueItems } from '../scanner/useScanQueue';
import { scanFeedback, TONE_COLORS } from './feedback';

/**
 * 本机扫描记录: this PC's scans, newest first (at most 50): each one's result, or pending / failed /
 * 已撤销. Each row redraws only when its own scan changed (the queue replaces that item alone).
 */
export const DeviceScans = memo(function DeviceScans({
  queue,
  onShown,
}: {
  queue: ScanQueue;
  onShown: (shown: readonly QueuedScan[]) => void;
}) {
  const { t } = useTranslation();
  const items = useQueueItems(queue);
  useLayoutEffect(() => onShown(items), [items, onShown]);
  const sep = t('common.listSeparator');
  return (
    <div className="st-device-scans" data-testid="device-scans">
      <Typography.Text type="secondary" className="st-section-label">
        {t('stocktake.counting.deviceScans')}
      </Typography.Text>
      <ol className="st-scan-list">
        {items.map((s) => (
          <ScanRow key={s.clientId} scan={s} sep={sep} />
        ))}
      </ol>
    </div>
  );
});

const ScanRow = memo(function ScanRow({ scan, sep }: { scan: QueuedScan; sep: string }) {
  const { t } = useTranslation();
  const f = scanFeedback(scan, sep);
  const c = TONE_COLORS[f.tone];
  return (
    <li className="st-scan-row" data-tone={f.tone} data-client-id={scan.clientId} style={{ borderInlineStartColor: c.border }}>
      <span className="st-scan-code">{scan.code}</span>
      <span className="st-scan-row-text" style={{ color: c.fg }}>
        {t(f.title, f.params)}
        {f.detail && f.tone !== 'found' && f.tone !== 'pending' ? ` · ${translateKey(f.detail, f.params)}` : ''}
      </span>
    </li>
  );
});
