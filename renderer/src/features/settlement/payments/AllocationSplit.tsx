import { Alert, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoucherSummary } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { formatCents } from '../../../shared/money';
import { Money, moneyColumn } from './money';
import type { SplitCheck, SplitText } from './split';

interface Props {
  open: readonly VoucherSummary[];
  split: SplitText;
  check: SplitCheck;
  onChange: (split: SplitText) => void;
  loading?: boolean;
}

/**
 * The customer's open vouchers with the amount each gets from this payment (核销), every amount
 * editable; below, what is allocated and what stays as 预收.
 */
export function AllocationSplit({ open, split, check, onChange, loading }: Props) {
  const { t } = useTranslation();
  const p = (key: string, params?: Record<string, unknown>) => t(`settlement.payments.${key}`, params);
  const columns: TableColumnsType<VoucherSummary> = [
    { key: 'no', title: p('split.voucher'), dataIndex: 'no', width: 150 },
    { key: 'date', title: p('split.date'), dataIndex: 'date', width: 104 },
    {
      key: 'dueDate',
      title: p('split.dueDate'),
      width: 130,
      render: (_, v) => (
        <Flex vertical gap={0}>
          <span>{v.dueDate}</span>
          {v.daysOverdue > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {p('split.overdueDays', { days: v.daysOverdue })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'open', title: p('split.open'), ...moneyColumn, render: (_, v) => <Money cents={v.openCents} /> },
    {
      key: 'amount',
      title: p('split.amount'),
      width: 150,
      align: 'right',
      render: (_, v) => {
        const bad = check.bad[v.id];
        return (
          <Flex vertical gap={0} align="end">
            <Input
              size="small"
              inputMode="decimal"
              aria-label={p('split.amountOf', { no: v.no })}
              value={split[v.id] ?? ''}
              status={bad ? 'error' : undefined}
              placeholder="0.00"
              style={{ width: 130, textAlign: 'right' }}
              onChange={(e) => onChange({ ...split, [v.id]: e.target.value })}
            />
            {bad && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {bad === 'overOpen' ? p('split.overOpen') : p('split.notNumber')}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Table<VoucherSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...open]}
        loading={loading}
        pagination={false}
        scroll={{ y: 240 }}
        locale={{ emptyText: p('split.none') }}
      />
      <Flex justify="end" gap={24} data-testid="payment-split-summary">
        <span>
          {p('split.allocated')} <Typography.Text strong>{formatCents(check.allocatedCents)}</Typography.Text>
        </span>
        <span>
          {p('split.remainder')}{' '}
          <Typography.Text strong type={check.remainderCents < 0 ? 'danger' : undefined}>
            {formatCents(Math.max(check.remainderCents, 0))}
          </Typography.Text>
        </span>
      </Flex>
      {check.remainderCents < 0 && <Alert type="error" showIcon title={p('split.overAmount')} />}
    </Flex>
  );
}
