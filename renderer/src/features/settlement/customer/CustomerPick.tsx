import { ScanOutlined } from '@ant-design/icons';
import { Flex, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STATUSES } from '../../../../../electron/core/customers/shared/customers.contract';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { ApiCallError, call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { CustomerPicker } from '../../customers/shared/CustomerPicker';
import { CustomerCreditCard } from './CustomerCreditCard';

export type CustomerCredit = ChannelOutput<'settlement.customer'>;

interface Props {
  value: CustomerCredit | null;
  onChange: (credit: CustomerCredit | null) => void;
  /** the customer is fixed (an edited voucher): only its card shows */
  disabled?: boolean;
}

/**
 * 确认客户: scan the customer's label (a USB scanner types the code and Enter into the scan field)
 * or type its code and press Enter; or search by name, code, pinyin, phone. Every state is offered:
 * a frozen or deactivated customer is shown with the reason it cannot take a new voucher.
 */
export function CustomerPick({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const scanRef = useRef<InputRef>(null);

  const confirm = (input: { code: string } | { customerId: number }) => {
    setLoading(true);
    setNotFound(null);
    call('settlement.customer', input)
      .then((credit) => {
        onChange(credit);
        setCode('');
      })
      .catch((error: unknown) => {
        if (error instanceof ApiCallError && error.code === 'NOT_FOUND' && 'code' in input) setNotFound(input.code);
        else reportError(error);
      })
      .finally(() => setLoading(false));
  };

  return (
    <Flex vertical gap={8}>
      {!disabled && (
        <Flex gap={8} wrap>
          <Input
            ref={scanRef}
            prefix={<ScanOutlined aria-hidden />}
            value={code}
            disabled={loading}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              const scanned = code.trim();
              if (scanned) confirm({ code: scanned });
            }}
            placeholder={t('settlement.customerPick.scanPlaceholder')}
            aria-label={t('settlement.customerPick.scanLabel')}
            data-testid="customer-scan"
            status={notFound ? 'error' : undefined}
            style={{ flex: '1 1 220px', maxWidth: 300 }}
          />
          <div style={{ flex: '2 1 280px' }}>
            <CustomerPicker
              statuses={CUSTOMER_STATUSES}
              value={value?.customer.id ?? null}
              aria-label={t('settlement.customerPick.searchLabel')}
              placeholder={t('settlement.customerPick.searchPlaceholder')}
              style={{ width: '100%' }}
              onChange={(id) => {
                if (id) confirm({ customerId: id });
                else onChange(null);
              }}
            />
          </div>
        </Flex>
      )}
      {notFound && (
        <span role="alert" style={{ color: 'var(--ant-color-error)' }}>
          {t('settlement.customerPick.notFound', { code: notFound })}
        </span>
      )}
      {value && <CustomerCreditCard credit={value} />}
    </Flex>
  );
}
