import { InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../../../../electron/core/settlement/shared/amounts';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { MONEY_CELL, moneyText, priceText } from './moneyText';

type Line = VoucherDetail['lines'][number];

/** The voucher's lines as the core stored them; a rounded amount is marked and says how. */
export function VoucherLinesView({ voucher }: { voucher: VoucherDetail }) {
  const { t } = useTranslation();
  const money = (cents: number) => <span style={MONEY_CELL}>{moneyText(cents)}</span>;
  const columns: TableColumnsType<Line> = [
    { key: 'n', title: t('settlement.lines.lineNo'), dataIndex: 'lineNo', width: 56, align: 'center' },
    {
      key: 'description',
      title: t('settlement.lines.description'),
      dataIndex: 'description',
      ellipsis: { showTitle: true },
    },
    { key: 'unit', title: t('settlement.lines.unit'), width: 70, render: (_, l) => l.unit ?? t('common.empty') },
    { key: 'quantity', title: t('settlement.lines.quantity'), width: 100, align: 'right', dataIndex: 'quantity' },
    {
      key: 'unitPrice',
      title: t('settlement.lines.unitPrice'),
      width: 120,
      align: 'right',
      render: (_, l) => <span style={MONEY_CELL}>{priceText(l.unitPrice)}</span>,
    },
    {
      key: 'amount',
      title: t('settlement.lines.amount'),
      width: 140,
      align: 'right',
      render: (_, l) => (
        <Flex gap={4} justify="end" align="center">
          {l.rounded && (
            <Tooltip
              title={t('settlement.lines.roundedStored', {
                quantity: l.quantity,
                price: l.unitPrice,
                amount: moneyText(l.amountCents),
              })}
            >
              <InfoCircleOutlined
                aria-label={t('settlement.lines.rounded')}
                style={{ color: 'var(--ant-color-warning)' }}
              />
            </Tooltip>
          )}
          {money(l.amountCents)}
        </Flex>
      ),
    },
    {
      key: 'tax',
      title: t('settlement.lines.taxRate'),
      width: 80,
      align: 'right',
      render: (_, l) => (l.taxRateBp === null ? t('settlement.lines.noTax') : `${l.taxRateBp / 100}%`),
    },
    {
      key: 'taxCents',
      title: t('settlement.lines.tax'),
      width: 110,
      align: 'right',
      render: (_, l) => money(l.taxCents),
    },
    {
      key: 'total',
      title: t('settlement.lines.lineTotal'),
      width: 140,
      align: 'right',
      render: (_, l) => money(l.totalCents),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table<Line>
        rowKey="lineNo"
        size="small"
        columns={columns}
        dataSource={voucher.lines}
        pagination={false}
        scroll={{ x: 900 }}
      />
      <Flex vertical align="end" gap={2} data-testid="voucher-total">
        <Typography.Text>
          {t('settlement.lines.amountSum')} {money(voucher.amountCents)}
          {'　'}
          {t('settlement.lines.taxSum')} {money(voucher.taxCents)}
        </Typography.Text>
        <Typography.Text strong>
          {t('settlement.lines.total')} {money(voucher.totalCents)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('settlement.lines.inWords', { words: amountInWords(voucher.totalCents) })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
