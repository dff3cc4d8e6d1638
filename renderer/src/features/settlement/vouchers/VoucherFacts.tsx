import { Button, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { formatMinute } from '../../../shared/format';
import { StatusTag } from '../../status/StatusTag';
import { settlementPaths } from '../settlementPaths';
import { MONEY_CELL, moneyText } from './moneyText';

/** Who did what and when: the voucher's facts, its evidence, approval (and a credit override), reversals. */
export function VoucherFacts({ voucher: v }: { voucher: VoucherDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const by = (at: string | null, name: string | null) => [formatMinute(at), name].filter(Boolean).join(' ');
  const link = (id: number, no: string) => (
    <Button
      key={id}
      type="link"
      size="small"
      style={{ paddingInline: 0, marginInlineEnd: 8 }}
      onClick={() => navigate(settlementPaths.voucher(id))}
    >
      {no}
    </Button>
  );
  const items: DescriptionsProps['items'] = [
    {
      key: 'customer',
      label: t('settlement.voucher.customer'),
      span: 2,
      children: (
        <>
          {`${v.customer.code} ${v.customer.name} `}
          <StatusTag status={v.customer.status} />
        </>
      ),
    },
    {
      key: 'evidence',
      label: t('settlement.voucher.evidence'),
      children: [t(`settlement.evidence.${v.evidenceType}`), v.evidenceRef].filter(Boolean).join(' '),
    },
    { key: 'date', label: t('settlement.voucher.date'), children: v.date },
    {
      key: 'dueDate',
      label: t('settlement.voucher.dueDate'),
      children:
        v.daysOverdue > 0
          ? t('settlement.voucher.dueOverdue', {
              date: v.dueDate,
              overdue: t('settlement.vouchers.overdueDays', { count: v.daysOverdue }),
            })
          : v.dueDate,
    },
    {
      key: 'open',
      label: t('settlement.vouchers.open'),
      children: <span style={MONEY_CELL}>{moneyText(v.openCents)}</span>,
    },
    { key: 'created', label: t('settlement.voucher.created'), children: by(v.createdAt, v.createdByName) },
  ];
  if (v.submittedAt)
    items.push({
      key: 'submitted',
      label: t('settlement.voucher.submitted'),
      children: by(v.submittedAt, v.submittedByName),
    });
  if (v.approvedAt)
    items.push({
      key: 'approved',
      label: t('settlement.voucher.approved'),
      children: by(v.approvedAt, v.approvedByName),
    });
  if (v.creditOverrideReason)
    items.push({
      key: 'override',
      label: t('settlement.voucher.overrideReason'),
      span: 3,
      children: v.creditOverrideReason,
    });
  if (v.rejectedAt)
    items.push({
      key: 'rejected',
      label: t('settlement.voucher.rejected'),
      span: 3,
      children: t('settlement.voucher.byWithReason', {
        by: by(v.rejectedAt, v.rejectedByName),
        reason: v.rejectReason ?? '',
      }),
    });
  if (v.voidedAt)
    items.push({
      key: 'voided',
      label: t('settlement.voucher.voided'),
      span: 3,
      children: t('settlement.voucher.byWithReason', { by: by(v.voidedAt, null), reason: v.voidReason ?? '' }),
    });
  if (v.invoiceNo)
    items.push({
      key: 'invoice',
      label: t('settlement.voucher.invoiceNo'),
      children: `${v.invoiceNo} ${formatMinute(v.invoicedAt) ?? ''}`,
    });
  if (v.reverses)
    items.push({
      key: 'reverses',
      label: t('settlement.voucher.reverses'),
      children: link(v.reverses.id, v.reverses.no),
    });
  if (v.reversedBy.length)
    items.push({
      key: 'reversedBy',
      label: t('settlement.voucher.reversedBy'),
      span: 2,
      children: v.reversedBy.map((r) => link(r.id, r.no)),
    });
  if (v.memo) items.push({ key: 'memo', label: t('settlement.voucher.memo'), span: 3, children: v.memo });
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
      items={items}
    />
  );
}
