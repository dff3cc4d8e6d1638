import { Button, Flex } from 'antd';
import { memo, useLayoutEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../../shared/translate';
import type { QueuedScan, ScanQueue } from '../scanner/types';
import { scanFeedback, TONE_COLORS } from './feedback';

/** What the person may do about the scan shown: its line's note and evidence, a correction. */
export interface LineActions {
  onNote(scan: QueuedScan): void;
  onCorrect(scan: QueuedScan): void;
}

/**
 * The newest answer's feedback, big (colour + text, read from across the desk), with what may be
 * done about its line. Subscribed to the queue itself: an answer redraws this block (and the list
 * of this PC's scans), not the page. Scans still waiting are counted under the scan field.
 */
export const FeedbackPanel = memo(function FeedbackPanel({
  queue,
  actions,
  onShown,
}: {
  queue: ScanQueue;
  actions: LineActions | null;
  /** the scan shown was committed (its mark follows in the next frame) */
  onShown: (shown: readonly (QueuedScan | undefined)[]) => void;
}) {
  const { t } = useTranslation();
  // the item itself (replaced only when it changes): a scan queued or sent redraws nothing here
  const latest = useSyncExternalStore(queue.subscribe, queue.latestAnswer);
  useLayoutEffect(() => onShown([latest]), [latest, onShown]);
  if (!latest)
    return (
      <div className="st-feedback st-feedback-idle" style={{ borderColor: TONE_COLORS.pending.border }}>
        <div className="st-feedback-title">{t('stocktake.counting.feedback.idle')}</div>
        <div className="st-feedback-detail">{t('stocktake.counting.feedback.idleHint')}</div>
      </div>
    );
  const feedback = scanFeedback(latest, t('common.listSeparator'));
  const colors = TONE_COLORS[feedback.tone];
  const line = latest.state === 'acked' && !latest.undone && latest.ack?.lineId && latest.ack.customer ? latest : null;
  return (
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
          <div className="st-feedback-title">{t(feedback.title, feedback.params)}</div>
          {feedback.detail && <div className="st-feedback-detail">{translateKey(feedback.detail, feedback.params)}</div>}
        </div>
        {line && actions && (
          <Flex gap={8} wrap style={{ flex: 'none' }}>
            <Button onClick={() => actions.onNote(line)}>{t('stocktake.counting.line.note')}</Button>
            <Button onClick={() => actions.onCorrect(line)}>{t('stocktake.counting.line.correct')}</Button>
          </Flex>
        )}
      </Flex>
    </div>
  );
});
