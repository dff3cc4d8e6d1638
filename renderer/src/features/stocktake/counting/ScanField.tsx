import { ScanOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SCAN_FIELD_PROPS, type ScanQueue } from '../scanner/types';
import { usePendingCount } from '../scanner/useScanQueue';

interface Props {
  fieldRef: Ref<HTMLInputElement>;
  disabled: boolean;
  queue: ScanQueue;
}

/**
 * The scan field: big, focused while counting, no soft keyboard (inputmode none). A scanner types
 * here (or anywhere on the page: the capture routes bursts); a code typed by hand is sent with Enter.
 * Uncontrolled on purpose: keystrokes never go through React state.
 */
export function ScanField({ fieldRef, disabled, queue }: Props) {
  const { t } = useTranslation();
  return (
    <div className="st-scan-field">
      <Flex align="center" gap={12}>
        <ScanOutlined aria-hidden style={{ fontSize: 28, color: 'var(--ant-color-primary)' }} />
        <input
          ref={fieldRef}
          className="st-scan-input"
          {...SCAN_FIELD_PROPS}
          autoCorrect="off"
          autoCapitalize="off"
          disabled={disabled}
          aria-label={t('stocktake.counting.scanLabel')}
          placeholder={disabled ? t('stocktake.counting.scanClosed') : t('stocktake.counting.scanPlaceholder')}
          data-testid="scan-field"
        />
      </Flex>
      <PendingHint queue={queue} />
    </div>
  );
}

/** How many scans wait for their answer (or the field's hint): the only part redrawn per scan here. */
function PendingHint({ queue }: { queue: ScanQueue }) {
  const { t } = useTranslation();
  const pending = usePendingCount(queue);
  return (
    <Typography.Text type="secondary" className="st-scan-hint" aria-live="polite">
      {pending ? t('stocktake.counting.pendingCount', { count: pending }) : t('stocktake.counting.scanHint')}
    </Typography.Text>
  );
}
