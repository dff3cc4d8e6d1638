import { DatePicker, Descriptions, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  moneyInputSchema,
  type VoucherSummary,
} from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { formatCents } from '../../../shared/money';
import { useCall } from '../../../shared/useCall';
import { useDebounced } from '../../../shared/useDebounced';
import { zodRule } from '../../../shared/zodRule';
import { CustomerPicker } from '../../customers/shared/CustomerPicker';
import { useLookupOptions } from '../../lookups/lookupsStore';
import { StatusTag } from '../../status/StatusTag';
import { AllocationSplit } from './AllocationSplit';
import { newClientId } from './clientId';
import { centsText, typedCents } from './money';
import { checkSplit, type SplitText, startSplit } from './split';

export interface PaymentDialogProps {
  open: boolean;
  /** the customer, fixed (from a voucher or a statement); absent: picked in the form */
  customerId?: number;
  /** allocate to this voucher first */
  voucherId?: number;
  onClose: () => void;
  onSaved?: (paymentId: number) => void;
}

interface Values {
  customerId: number | null;
  date: Dayjs;
  amount: string;
  methodId?: number | null;
  reference?: string;
  memo?: string;
}

const FIELDS = ['customerId', 'date', 'amount', 'methodId', 'reference', 'memo'] as const;
const ALL_STATES = ['active', 'frozen', 'deactivated'] as const;

/**
 * 收款: customer (fixed or picked; frozen and deactivated ones may pay old debt), date, amount as
 * typed, method (结算方式), reference, memo; the open vouchers with the suggested split (oldest
 * due first, or the given voucher first), each amount editable; the rest stays as 预收. One
 * clientId per opened form: pressing 保存 again after a lost answer records nothing twice.
 */
export function PaymentDialog({ open, customerId: fixedCustomer, voucherId, onClose, onSaved }: PaymentDialogProps) {
  const { t } = useTranslation();
  const p = (key: string, params?: Record<string, unknown>) => t(`settlement.payments.${key}`, params);
  const [form] = Form.useForm<Values>();
  const [clientId, setClientId] = useState(newClientId);
  useEffect(() => {
    if (open) setClientId(newClientId());
  }, [open]);

  const picked = Form.useWatch('customerId', form) as number | null | undefined;
  const customerId = fixedCustomer ?? picked ?? null;
  const amountText = Form.useWatch('amount', form) as string | undefined;
  const amountCents = typedCents(useDebounced(amountText ?? '', 250));
  const validAmount = amountCents !== null && amountCents > 0 ? amountCents : null;

  const customer = useCall('settlement.customer', open && customerId ? { customerId } : null);
  const suggestion = useCall(
    'settlement.allocationSuggest',
    open && customerId && validAmount ? { customerId, amount: centsText(validAmount) } : null,
  );
  const openVouchers: VoucherSummary[] = suggestion.data?.open ?? [];
  const [split, setSplit] = useState<SplitText>({});
  useEffect(() => {
    const s = suggestion.data;
    if (s && validAmount) setSplit(startSplit(s.open, s.allocations, validAmount, voucherId));
  }, [suggestion.data, validAmount, voucherId]);
  useEffect(() => {
    if (!open || !customerId) setSplit({});
  }, [open, customerId]);
  const check = useMemo(() => checkSplit(openVouchers, split, validAmount ?? 0), [openVouchers, split, validAmount]);

  const methods = useLookupOptions('settlementMethod');
  const c = customer.data;

  return (
    <FormModal<Values>
      open={open}
      title={p('dialog.title')}
      form={form}
      width={820}
      fields={FIELDS}
      initialValues={{ customerId: fixedCustomer ?? null, date: dayjs() }}
      onCancel={onClose}
      onSubmit={async (values) => {
        const cid = fixedCustomer ?? values.customerId;
        if (!cid) return;
        if (Object.keys(check.bad).length || check.remainderCents < 0) return;
        const saved = await call('settlement.paymentCreate', {
          clientId,
          customerId: cid,
          date: values.date.format('YYYY-MM-DD'),
          amount: values.amount,
          methodId: values.methodId ?? null,
          reference: values.reference,
          memo: values.memo,
          allocations: check.allocations,
        });
        onSaved?.(saved.id);
        onClose();
      }}
    >
      {fixedCustomer === undefined && (
        <Form.Item
          name="customerId"
          label={p('fields.customer')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <CustomerPicker statuses={ALL_STATES} />
        </Form.Item>
      )}
      {c && (
        <Descriptions
          size="small"
          column={4}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'customer',
              label: p('fields.customer'),
              span: 2,
              children: (
                <span>
                  {`${c.customer.code} ${c.customer.name}`} <StatusTag status={c.customer.status} />
                </span>
              ),
            },
            { key: 'open', label: p('credit.open'), children: formatCents(c.openCents) },
            { key: 'advance', label: p('credit.advance'), children: formatCents(c.advanceCents) },
          ]}
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        <Form.Item name="date" label={p('fields.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={p('fields.amount')} required rules={[zodRule(moneyInputSchema)]}>
          <Input inputMode="decimal" prefix="¥" placeholder={p('fields.amountPlaceholder')} />
        </Form.Item>
        <Form.Item name="methodId" label={p('fields.method')}>
          <Select allowClear options={methods} placeholder={p('fields.methodPlaceholder')} />
        </Form.Item>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', columnGap: 16 }}>
        <Form.Item name="reference" label={p('fields.reference')}>
          <Input maxLength={100} placeholder={p('fields.referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="memo" label={p('fields.memo')}>
          <Input maxLength={500} />
        </Form.Item>
      </div>
      <Form.Item label={p('split.title')} style={{ marginBottom: 0 }}>
        {customerId && validAmount ? (
          <AllocationSplit
            open={openVouchers}
            split={split}
            check={check}
            onChange={setSplit}
            loading={suggestion.loading}
          />
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{p('split.hint')}</span>
        )}
      </Form.Item>
    </FormModal>
  );
}
