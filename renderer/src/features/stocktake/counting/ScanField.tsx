import { ScanOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SCAN_FIELD_PROPS } from '../scanner/types';

interface Props {
  fieldRef: Ref<HTMLInputElement>;
  disabled: boolean;
  pending: number;
}

/**
 * The scan field: big, focused while counting, no soft keyboard (inputmode none). A scanner types
 * here (or anywhere on the page: the capture routes bursts); a code typed by hand is sent with Enter.
 * Uncontrolled on purpose: keystrokes never go through React state.
 */
export function ScanField({ fieldRef, disabled, pending }: Props) {
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
      <Typography.Text type="secondary" className="st-scan-hint" aria-live="polite">
        {pending ? t('stocktake.counting.pendingCount', { count: pending }) : t('stocktake.counting.scanHint')}
      </Typography.Text>
    </div>
  );
}
