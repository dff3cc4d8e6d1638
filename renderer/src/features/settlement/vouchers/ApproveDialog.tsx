import { Alert, Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { ApiCallError, call } from '../../../api';
import { errorText } from '../../../shared/apiErrors';
import { FormModal } from '../../../shared/FormModal';
import { hasPermission, useSession } from '../../../stores/session';
import type { CustomerCredit } from '../customer/CustomerPick';
import { MONEY_CELL, moneyText } from './moneyText';

interface Props {
  open: boolean;
  voucher: VoucherDetail;
  onCancel: () => void;
  onDone: (v: VoucherDetail) => void;
}

/** A refusal about the credit limit (its text names the figures). */
const isCreditRefusal = (e: unknown) => e instanceof ApiCallError && /credit/i.test(`${e.code} ${e.messageKey}`);

/**
 * 审核通过: the customer's credit beside the voucher's total. Past the limit the approval needs a
 * reason from a user allowed to override it (settlement.override_credit); others see the core's
 * refusal with its figures.
 */
export function ApproveDialog({ open, voucher, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canOverride = hasPermission(user, 'settlement.override_credit');
  const [credit, setCredit] = useState<CustomerCredit | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [needsReason, setNeedsReason] = useState(false);

  useEffect(() => {
    if (!open) return;
    setRefusal(null);
    call('settlement.customer', { customerId: voucher.customer.id })
      .then((c) => {
        setCredit(c);
        const limit = c.creditLimitCents;
        setNeedsReason(limit !== null && c.openCents + voucher.totalCents > limit);
      })
      .catch(() => setCredit(null));
  }, [open, voucher]);

  const showReason = canOverride && needsReason;
  return (
    <FormModal<{ overrideReason?: string }>
      open={open}
      title={t('settlement.voucher.approveTitle', { no: voucher.no })}
      okText={t('settlement.voucher.actions.approve')}
      fields={['overrideReason']}
      onCancel={onCancel}
      onSubmit={async (v) => {
        setRefusal(null);
        try {
          onDone(
            await call('settlement.voucherApprove', {
              id: voucher.id,
              version: voucher.version,
              overrideReason: showReason ? v.overrideReason : undefined,
            }),
          );
        } catch (error) {
          // a field's error stands beside the field; any other refusal stays in the dialog, with its figures
          if (error instanceof ApiCallError && error.fields) throw error;
          setRefusal(errorText(error));
          if (isCreditRefusal(error)) setNeedsReason(true);
        }
      }}
      intro={
        <>
          {refusal && (
            <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="approve-refusal" />
          )}
          {credit && (
            <Descriptions
              size="small"
              bordered
              column={2}
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'total',
                  label: t('settlement.voucher.total'),
                  children: <span style={MONEY_CELL}>{moneyText(voucher.totalCents)}</span>,
                },
                {
                  key: 'limit',
                  label: t('settlement.customerPick.creditLimit'),
                  children:
                    credit.creditLimitCents === null ? (
                      t('settlement.customerPick.noLimit')
                    ) : (
                      <span style={MONEY_CELL}>{moneyText(credit.creditLimitCents)}</span>
                    ),
                },
                {
                  key: 'open',
                  label: t('settlement.customerPick.balance'),
                  children: <span style={MONEY_CELL}>{moneyText(credit.openCents)}</span>,
                },
                {
                  key: 'available',
                  label: t('settlement.customerPick.available'),
                  children:
                    credit.availableCents === null ? (
                      t('settlement.customerPick.noLimit')
                    ) : (
                      <span style={MONEY_CELL}>{moneyText(credit.availableCents)}</span>
                    ),
                },
              ]}
            />
          )}
          {needsReason && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={canOverride ? t('settlement.voucher.overLimit') : t('settlement.voucher.overLimitNoRight')}
            />
          )}
        </>
      }
    >
      {showReason && (
        <Form.Item
          name="overrideReason"
          label={t('settlement.voucher.overrideReason')}
          rules={[{ required: true, whitespace: true, message: t('settlement.voucher.reasonMissing') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
