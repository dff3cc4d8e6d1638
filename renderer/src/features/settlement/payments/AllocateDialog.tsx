import { Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { formatCents } from '../../../shared/money';
import { useCall } from '../../../shared/useCall';
import { AllocationSplit } from './AllocationSplit';
import { centsText } from './money';
import { checkSplit, type SplitText, startSplit } from './split';

interface Props {
  open: boolean;
  payment: { id: number; no: string; customerId: number; unallocatedCents: number };
  onClose: () => void;
  onSaved: () => void;
}

/** 核销 later: what is still free of a payment (预收) over the customer's open vouchers. */
export function AllocateDialog({ open, payment, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const free = payment.unallocatedCents;
  const suggestion = useCall(
    'settlement.allocationSuggest',
    open && free > 0 ? { customerId: payment.customerId, amount: centsText(free), paymentId: payment.id } : null,
  );
  const openVouchers = suggestion.data?.open ?? [];
  const [split, setSplit] = useState<SplitText>({});
  useEffect(() => {
    if (suggestion.data) setSplit(startSplit(suggestion.data.open, suggestion.data.allocations, free));
  }, [suggestion.data, free]);
  const check = useMemo(() => checkSplit(openVouchers, split, free), [openVouchers, split, free]);
  const [busy, setBusy] = useState(false);
  const invalid = Object.keys(check.bad).length > 0 || check.remainderCents < 0 || check.allocations.length === 0;

  return (
    <Modal
      open={open}
      width={760}
      title={t('settlement.payments.allocate.title', { no: payment.no })}
      okText={t('settlement.payments.allocate.ok')}
      okButtonProps={{ disabled: invalid }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        setBusy(true);
        try {
          await call('settlement.allocate', { paymentId: payment.id, allocations: check.allocations });
          onSaved();
        } catch (error) {
          reportError(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>
        {t('settlement.payments.allocate.free', { amount: formatCents(free) })}
      </Typography.Paragraph>
      <AllocationSplit
        open={openVouchers}
        split={split}
        check={check}
        onChange={setSplit}
        loading={suggestion.loading}
      />
    </Modal>
  );
}
