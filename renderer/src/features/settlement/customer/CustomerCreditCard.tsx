import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { StatusTag } from '../../status/StatusTag';
import { MONEY_CELL, moneyText } from '../vouchers/moneyText';

type CustomerCredit = ChannelOutput<'settlement.customer'>;

/** The customer as confirmed: state (and why), credit limit, what it owes, what is still available. */
export function CustomerCreditCard({ credit }: { credit: CustomerCredit }) {
  const { t } = useTranslation();
  const c = credit.customer;
  const reason =
    c.statusReasonName && c.statusMemo
      ? t('settlement.customerPick.reasonWithMemo', { reason: c.statusReasonName, memo: c.statusMemo })
      : (c.statusReasonName ?? c.statusMemo ?? t('common.empty'));
  const money = (cents: number) => <span style={MONEY_CELL}>{moneyText(cents)}</span>;
  const overLimit = credit.availableCents !== null && credit.availableCents < 0;
  return (
    <Flex vertical gap={8} data-testid="customer-credit">
      {credit.refusedKey && (
        <Alert
          type="error"
          showIcon
          title={t(`settlement.customerPick.refused.${c.status === 'frozen' ? 'frozen' : 'deactivated'}`, {
            code: c.code,
            name: c.name,
            reason,
          })}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={3}
        styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}
        items={[
          {
            key: 'customer',
            label: t('settlement.customerPick.customer'),
            span: 2,
            children: (
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{`${c.code} ${c.name}`}</Typography.Text>
                <StatusTag status={c.status} />
              </Flex>
            ),
          },
          {
            key: 'salesperson',
            label: t('settlement.customerPick.salesperson'),
            children: c.salespersonName ?? t('common.empty'),
          },
          ...(c.status !== 'active'
            ? [{ key: 'reason', label: t('settlement.customerPick.reason'), span: 3, children: reason }]
            : []),
          {
            key: 'limit',
            label: t('settlement.customerPick.creditLimit'),
            children:
              credit.creditLimitCents === null ? t('settlement.customerPick.noLimit') : money(credit.creditLimitCents),
          },
          {
            key: 'days',
            label: t('settlement.customerPick.creditDays'),
            children:
              credit.creditDays === null
                ? t('common.empty')
                : t('settlement.customerPick.days', { count: credit.creditDays }),
          },
          {
            key: 'available',
            label: t('settlement.customerPick.available'),
            children:
              credit.availableCents === null ? (
                t('settlement.customerPick.noLimit')
              ) : (
                <Typography.Text type={overLimit ? 'danger' : undefined}>
                  {money(credit.availableCents)}
                </Typography.Text>
              ),
          },
          { key: 'balance', label: t('settlement.customerPick.balance'), children: money(credit.balanceCents) },
          { key: 'overdue', label: t('settlement.customerPick.overdue'), children: money(credit.overdueCents) },
          { key: 'pending', label: t('settlement.customerPick.pending'), children: money(credit.pendingCents) },
        ]}
      />
    </Flex>
  );
}
