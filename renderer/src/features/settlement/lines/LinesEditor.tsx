import { DeleteOutlined, InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../../../../electron/core/settlement/shared/amounts';
import { translateKey } from '../../../shared/translate';
import { MONEY_CELL, moneyText } from '../vouchers/moneyText';
import { emptyLine, type LineDraft, lineFigures, linesTotals, TAX_RATES } from './lineMath';

interface Props {
  value: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  disabled?: boolean;
}

/**
 * 明细: description, 单位, quantity, unit price, tax rate; the amount computed while typing exactly
 * as the core does (a line whose quantity × price is not a whole 分 says it was rounded, and how).
 */
export function LinesEditor({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<LineDraft>) =>
    onChange(value.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const totals = linesTotals(value);

  const columns: TableColumnsType<LineDraft> = [
    {
      key: 'n',
      title: t('settlement.lines.lineNo'),
      width: 56,
      align: 'center',
      render: (_, __, i) => i + 1,
    },
    {
      key: 'description',
      title: t('settlement.lines.description'),
      render: (_, l, i) => (
        <Input
          value={l.description}
          disabled={disabled}
          maxLength={200}
          onChange={(e) => set(l.key, { description: e.target.value })}
          aria-label={t('settlement.lines.descriptionOf', { n: i + 1 })}
        />
      ),
    },
    {
      key: 'unit',
      title: t('settlement.lines.unit'),
      width: 80,
      render: (_, l, i) => (
        <Input
          value={l.unit}
          disabled={disabled}
          maxLength={20}
          onChange={(e) => set(l.key, { unit: e.target.value })}
          aria-label={t('settlement.lines.unitOf', { n: i + 1 })}
        />
      ),
    },
    {
      key: 'quantity',
      title: t('settlement.lines.quantity'),
      width: 110,
      render: (_, l, i) => (
        <Input
          value={l.quantity}
          disabled={disabled}
          inputMode="decimal"
          style={{ textAlign: 'right' }}
          onChange={(e) => set(l.key, { quantity: e.target.value })}
          aria-label={t('settlement.lines.quantityOf', { n: i + 1 })}
        />
      ),
    },
    {
      key: 'unitPrice',
      title: t('settlement.lines.unitPrice'),
      width: 130,
      render: (_, l, i) => (
        <Input
          value={l.unitPrice}
          disabled={disabled}
          inputMode="decimal"
          prefix="¥"
          style={{ textAlign: 'right' }}
          onChange={(e) => set(l.key, { unitPrice: e.target.value })}
          aria-label={t('settlement.lines.unitPriceOf', { n: i + 1 })}
        />
      ),
    },
    {
      key: 'tax',
      title: t('settlement.lines.taxRate'),
      width: 110,
      render: (_, l, i) => (
        <Select<string>
          value={String(l.taxRateBp)}
          disabled={disabled}
          style={{ width: '100%' }}
          onChange={(v) => set(l.key, { taxRateBp: v === 'null' ? null : Number(v) })}
          aria-label={t('settlement.lines.taxRateOf', { n: i + 1 })}
          options={TAX_RATES.map((r) => ({
            value: String(r),
            label: r === null ? t('settlement.lines.noTax') : `${r / 100}%`,
          }))}
        />
      ),
    },
    {
      key: 'amount',
      title: t('settlement.lines.amount'),
      width: 150,
      align: 'right',
      render: (_, l) => <LineAmount line={l} />,
    },
    {
      key: 'remove',
      title: '',
      width: 48,
      render: (_, l, i) => (
        <Button
          type="text"
          size="small"
          disabled={disabled || value.length <= 1}
          icon={<DeleteOutlined aria-hidden />}
          aria-label={t('settlement.lines.removeOf', { n: i + 1 })}
          onClick={() => onChange(value.filter((x) => x.key !== l.key))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Table<LineDraft>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={value}
        pagination={false}
        scroll={{ x: 900 }}
      />
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Button
          icon={<PlusOutlined aria-hidden />}
          disabled={disabled || value.length >= 200}
          onClick={() => onChange([...value, emptyLine()])}
        >
          {t('settlement.lines.add')}
        </Button>
        {totals && (
          <Flex vertical align="end" gap={2} data-testid="lines-total">
            <Typography.Text>
              {t('settlement.lines.amountSum')} <span style={MONEY_CELL}>{moneyText(totals.amountCents)}</span>
              {'　'}
              {t('settlement.lines.taxSum')} <span style={MONEY_CELL}>{moneyText(totals.taxCents)}</span>
            </Typography.Text>
            <Typography.Text strong>
              {t('settlement.lines.total')} <span style={MONEY_CELL}>{moneyText(totals.totalCents)}</span>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('settlement.lines.inWords', { words: amountInWords(totals.totalCents) })}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </Flex>
  );
}

/** The line's amount (and its tax), or why it cannot be read; a rounded amount says how. */
function LineAmount({ line }: { line: LineDraft }) {
  const { t } = useTranslation();
  const f = lineFigures(line);
  if (!f.ok) {
    return f.key ? (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {translateKey(f.key)}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
    );
  }
  return (
    <Flex vertical gap={0} align="end">
      <Flex gap={4} align="center">
        {f.rounded && (
          <Tooltip title={t('settlement.lines.roundedHow', { exact: f.exact, amount: moneyText(f.amountCents) })}>
            <InfoCircleOutlined
              aria-label={t('settlement.lines.rounded')}
              style={{ color: 'var(--ant-color-warning)' }}
              data-testid="line-rounded"
            />
          </Tooltip>
        )}
        <span style={MONEY_CELL}>{moneyText(f.amountCents)}</span>
      </Flex>
      {line.taxRateBp ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('settlement.lines.taxOf', { tax: moneyText(f.taxCents) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
