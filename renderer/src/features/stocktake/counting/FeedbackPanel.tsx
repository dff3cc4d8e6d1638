import { Button, Flex, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../../shared/translate';
import type { QueuedScan } from '../scanner/types';
import { type Feedback, scanFeedback, TONE_COLORS } from './feedback';

/** What the person may do about the scan shown: its line's note and evidence, a correction. */
export interface LineActions {
  onNote(scan: QueuedScan): void;
  onCorrect(scan: QueuedScan): void;
}

function FeedbackText({ feedback, big }: { feedback: Feedback; big: boolean }) {
  const { t } = useTranslation();
  const params = { ...feedback.params };
  return (
    <>
      <div className={big ? 'st-feedback-title' : 'st-scan-row-title'}>{t(feedback.title, params)}</div>
      {feedback.detail && (
        <div className={big ? 'st-feedback-detail' : 'st-scan-row-detail'}>{translateKey(feedback.detail, params)}</div>
      )}
    </>
  );
}

/**
 * The newest scan's feedback, big (colour + text, read from across the desk), with what may be done
 * about its line; below it this device's scans, each as pending, answered or failed.
 */
export const FeedbackPanel = memo(function FeedbackPanel({
  items,
  actions,
}: {
  items: readonly QueuedScan[];
  actions: LineActions | null;
}) {
  const { t } = useTranslation();
  const sep = t('common.listSeparator');
  const latest = items[0];
  if (!latest)
    return (
      <div className="st-feedback st-feedback-idle" style={{ borderColor: TONE_COLORS.pending.border }}>
        <div className="st-feedback-title">{t('stocktake.counting.feedback.idle')}</div>
        <div className="st-feedback-detail">{t('stocktake.counting.feedback.idleHint')}</div>
      </div>
    );
  const feedback = scanFeedback(latest, sep);
  const colors = TONE_COLORS[feedback.tone];
  const line = latest.state === 'acked' && latest.ack?.lineId && latest.ack.customer ? latest : null;
  return (
    <>
      <div
        className="st-feedback"
        data-testid="scan-feedback"
        data-tone={feedback.tone}
        data-client-id={latest.clientId}
        role="status"
        aria-live="assertive"
        style={{ background: colors.bg, borderColor: colors.border, color: colors.fg }}
      >
        <Flex justify="space-between" align="start" gap={12}>
          <div style={{ minWidth: 0 }}>
            <FeedbackText feedback={feedback} big />
          </div>
          {line && actions && (
            <Flex gap={8} wrap style={{ flex: 'none' }}>
              <Button onClick={() => actions.onNote(line)}>{t('stocktake.counting.line.note')}</Button>
              <Button onClick={() => actions.onCorrect(line)}>{t('stocktake.counting.line.correct')}</Button>
            </Flex>
          )}
        </Flex>
      </div>
      <DeviceScans items={items} />
    </>
  );
});

/** This device's scans, newest first (at most 50): each one's result, or pending / failed. */
function DeviceScans({ items }: { items: readonly QueuedScan[] }) {
  const { t } = useTranslation();
  const sep = t('common.listSeparator');
  return (
    <div className="st-device-scans" data-testid="device-scans">
      <Typography.Text type="secondary" className="st-section-label">
        {t('stocktake.counting.deviceScans')}
      </Typography.Text>
      <ol className="st-scan-list">
        {items.map((s) => {
          const f = scanFeedback(s, sep);
          const c = TONE_COLORS[f.tone];
          return (
            <li
              key={s.clientId}
              className="st-scan-row"
              data-tone={f.tone}
              data-client-id={s.clientId}
              style={{ borderInlineStartColor: c.border }}
            >
              <span className="st-scan-code">{s.code}</span>
              <span className="st-scan-row-text" style={{ color: c.fg }}>
                {t(f.title, f.params)}
                {f.detail && f.tone !== 'found' && f.tone !== 'pending' ? ` · ${translateKey(f.detail, f.params)}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
