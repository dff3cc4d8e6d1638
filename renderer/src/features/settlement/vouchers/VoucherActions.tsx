import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { hasPermission, useSession } from '../../../stores/session';
import { FollowUpDialog } from '../followups/FollowUpDialog';
import { PaymentDialog } from '../payments/PaymentDialog';
import { settlementPaths } from '../settlementPaths';
import { ApproveDialog } from './ApproveDialog';
import { InvoiceDialog } from './InvoiceDialog';
import { moneyText } from './moneyText';
import { NoticeSentDialog } from './NoticeSentDialog';
import { ReasonDialog } from './ReasonDialog';
import { newClientId } from './voucherDraft';

type Dialog = 'approve' | 'reject' | 'void' | 'reverse' | 'invoice' | 'sent' | 'followUp' | 'payment' | null;

interface Props {
  voucher: VoucherDetail;
  /** the voucher as the core answered after an action */
  onChanged: (v: VoucherDetail) => void;
  /** read the voucher again (an action answered something else) */
  reload: () => void;
}

/**
 * What the user may do with the voucher now (the core says which in `can`; the notice, follow-up
 * and payment buttons follow the status and the user's permissions).
 */
export function VoucherActions({ voucher, onChanged, reload }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const user = useSession((s) => s.user);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const close = () => setDialog(null);
  const done = (v: VoucherDetail) => {
    setDialog(null);
    onChanged(v);
  };
  const posted = voucher.status === 'approved' || voucher.status === 'settled';
  const open = voucher.status === 'approved' && voucher.openCents > 0;
  const canCreate = hasPermission(user, 'settlement.create');
  const canCollect = hasPermission(user, 'settlement.collect');

  const submit = () => {
    setBusy(true);
    call('settlement.voucherSubmit', { id: voucher.id, version: voucher.version })
      .then(onChanged)
      .catch(reportError)
      .finally(() => setBusy(false));
  };

  return (
    <Flex gap={8} wrap justify="end">
      {voucher.can.edit && (
        <Button onClick={() => navigate(settlementPaths.editVoucher(voucher.id))}>
          {t('settlement.voucher.actions.edit')}
        </Button>
      )}
      {voucher.can.submit && (
        <Button type="primary" loading={busy} onClick={submit}>
          {t('settlement.voucher.actions.submit')}
        </Button>
      )}
      {voucher.can.approve && (
        <Button type="primary" onClick={() => setDialog('approve')}>
          {t('settlement.voucher.actions.approve')}
        </Button>
      )}
      {voucher.can.reject && (
        <Button danger onClick={() => setDialog('reject')}>
          {t('settlement.voucher.actions.reject')}
        </Button>
      )}
      {voucher.can.void && (
        <Button danger onClick={() => setDialog('void')}>
          {t('settlement.voucher.actions.void')}
        </Button>
      )}
      {voucher.can.reverse && (
        <Button danger onClick={() => setDialog('reverse')}>
          {t('settlement.voucher.actions.reverse')}
        </Button>
      )}
      {voucher.can.attachInvoice && (
        <Button onClick={() => setDialog('invoice')}>{t('settlement.voucher.actions.invoice')}</Button>
      )}
      {posted && (
        <Button onClick={() => navigate(settlementPaths.notice(voucher.id))}>
          {t('settlement.voucher.actions.printNotice')}
        </Button>
      )}
      {posted && canCreate && (
        <Button onClick={() => setDialog('sent')}>{t('settlement.voucher.actions.noticeSent')}</Button>
      )}
      {open && canCreate && (
        <Button onClick={() => setDialog('followUp')}>{t('settlement.voucher.actions.followUp')}</Button>
      )}
      {open && canCollect && (
        <Button type="primary" onClick={() => setDialog('payment')}>
          {t('settlement.voucher.actions.collect')}
        </Button>
      )}

      <ApproveDialog open={dialog === 'approve'} voucher={voucher} onCancel={close} onDone={done} />
      <ReasonDialog
        open={dialog === 'reject'}
        title={t('settlement.voucher.rejectTitle', { no: voucher.no })}
        okText={t('settlement.voucher.actions.reject')}
        danger
        onCancel={close}
        onSubmit={async ({ reason }) =>
          done(await call('settlement.voucherReject', { id: voucher.id, version: voucher.version, reason }))
        }
      />
      <ReasonDialog
        open={dialog === 'void'}
        title={t('settlement.voucher.voidTitle', { no: voucher.no })}
        okText={t('settlement.voucher.actions.void')}
        danger
        onCancel={close}
        onSubmit={async ({ reason }) =>
          done(await call('settlement.voucherVoid', { id: voucher.id, version: voucher.version, reason }))
        }
      />
      <ReasonDialog
        open={dialog === 'reverse'}
        title={t('settlement.voucher.reverseTitle', { no: voucher.no })}
        okText={t('settlement.voucher.actions.reverse')}
        note={t('settlement.voucher.reverseNote', { amount: moneyText(voucher.openCents) })}
        withDate
        danger
        onCancel={close}
        onSubmit={async ({ reason, date }) => {
          const made = await call('settlement.voucherReverse', {
            id: voucher.id,
            clientId: newClientId(),
            reason,
            date,
          });
          setDialog(null);
          navigate(settlementPaths.voucher(made.id));
        }}
      />
      <InvoiceDialog open={dialog === 'invoice'} voucher={voucher} onCancel={close} onDone={done} />
      <NoticeSentDialog
        open={dialog === 'sent'}
        voucherId={voucher.id}
        onCancel={close}
        onDone={() => {
          setDialog(null);
          reload();
        }}
      />
      <FollowUpDialog
        open={dialog === 'followUp'}
        voucherId={voucher.id}
        onCancel={close}
        onDone={() => {
          setDialog(null);
          reload();
        }}
      />
      <PaymentDialog
        open={dialog === 'payment'}
        customerId={voucher.customer.id}
        voucherId={voucher.id}
        onClose={close}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
      />
    </Flex>
  );
}
