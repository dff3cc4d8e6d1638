import { useTranslation } from 'react-i18next';
import { refusalText } from '../errors';
import { scanLook, TONE_COLORS } from '../feedback';
import type { LocalScan } from '../offline/types';

/** The last scan in big: its colour, what it is, which customer, waiting or synced. */
export function FeedbackCard({
  scan,
  invalid,
}: {
  scan: LocalScan | null;
  /** a code that was not taken: not a code at all, or not stored on the phone */
  invalid: { kind: 'invalid' | 'notStored'; text: string } | null;
}) {
  const { t } = useTranslation();
  if (invalid !== null)
    return (
      <div
        className="m-feedback"
        data-testid="scan-feedback"
        role="status"
        style={{
          background: TONE_COLORS.refused.bg,
          borderColor: TONE_COLORS.refused.border,
          color: TONE_COLORS.refused.fg,
        }}
      >
        <div className="m-feedback-title">
          {t(invalid.kind === 'invalid' ? 'm.verdict.invalid' : 'm.verdict.notStored')}
        </div>
        <div className="m-feedback-detail">{invalid.text}</div>
      </div>
    );
  if (!scan)
    return (
      <div className="m-feedback m-muted" data-testid="scan-feedback" role="status" style={{ borderColor: '#d9d9d9' }}>
        {t('m.count.noScans')}
      </div>
    );
  const look = scanLook(scan);
  const c = TONE_COLORS[look.tone];
  const status = scan.ack?.customer?.status;
  return (
    <div
      className="m-feedback"
      data-testid="scan-feedback"
      role="status"
      style={{ background: c.bg, borderColor: c.border, color: c.fg }}
    >
      <div className="m-feedback-title">{t(look.key)}</div>
      <div className="m-feedback-detail">
        {scan.code}
        {look.name ? ` ${look.name}` : ''}
        {status && status !== 'active' ? ` · ${t(`m.status.${status}`)}` : ''}
      </div>
      <div className="m-feedback-detail">
        {scan.state === 'synced'
          ? t('m.state.synced')
          : scan.state === 'refused'
            ? t('m.state.refused', { reason: refusalText(t, scan.refusal) })
            : t('m.state.waiting')}
        {!scan.ack && scan.verdict.notInList ? ` · ${t('m.verdict.notInListHint')}` : ''}
      </div>
    </div>
  );
}
