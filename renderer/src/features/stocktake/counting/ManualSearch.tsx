import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { CustomerPicker } from '../../customers/shared/CustomerPicker';

interface Props {
  disabled: boolean;
  /** the picked customer's code, counted as a 'search' scan */
  onPick: (code: string) => void;
}

/**
 * 手工查找: for a card without a readable barcode, find the customer by name, pinyin, phone …
 * (every state: a deactivated customer found in the files is counted too) and count it.
 */
export function ManualSearch({ disabled, onPick }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [value, setValue] = useState<number | null>(null);
  return (
    <Flex align="center" gap={8} wrap className="st-manual">
      <Typography.Text type="secondary">{t('stocktake.counting.manual.label')}</Typography.Text>
      <div style={{ flex: '1 1 280px', minWidth: 240 }}>
        <CustomerPicker
          statuses={CUSTOMER_STATUSES}
          value={value}
          aria-label={t('stocktake.counting.manual.label')}
          placeholder={t('stocktake.counting.manual.placeholder')}
          style={{ width: '100%' }}
          onChange={(id) => {
            setValue(null);
            if (!id || disabled) return;
            call('customer.get', { id })
              .then((c) => onPick(c.code))
              .catch(reportError);
          }}
        />
      </div>
    </Flex>
  );
}
