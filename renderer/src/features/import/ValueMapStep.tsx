import { Alert, Button, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnmatchedColumn, ValueMapEntry } from '../../../../electron/core/import/shared/import.contract';
import type { Values } from './types';

interface Props {
  values: Values;
  /** the choices made earlier for this upload (back from the check) */
  initial: ValueMapEntry[];
  busy: boolean;
  onBack(): void;
  onNext(valueMap: ValueMapEntry[]): void;
}

type Field = UnmatchedColumn['field'];
type ValueRow = UnmatchedColumn['values'][number];
/**
 * An item's id, EMPTY or CREATE; undefined: not chosen (its rows stay errors). Numbers, not
 * words: the Select's hidden accessible list shows option values as text.
 */
type Choice = number | undefined;
const EMPTY = 0;
const CREATE = -1;

const keyOf = (field: Field, value: string) => `${field}\u0000${value}`;

function initialChoices(values: Values, initial: ValueMapEntry[]): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const c of values.columns) {
    for (const v of c.values) {
      const s = v.suggestion;
      out[keyOf(c.field, v.value)] = s ? (s.action === 'empty' ? EMPTY : (s.id ?? undefined)) : undefined;
    }
  }
  for (const e of initial) out[keyOf(e.field, e.value)] = e.action === 'item' ? e.id : e.action === 'empty' ? EMPTY : CREATE;
  return out;
}

function toEntry(field: Field, value: string, choice: Choice): ValueMapEntry | null {
  if (choice === EMPTY) return { field, value, action: 'empty' };
  if (choice === CREATE) return { field, value, action: 'create' };
  if (choice !== undefined && choice > 0) return { field, value, action: 'item', id: choice };
  return null;
}

/**
 * Step 3: the values of managed-list columns (行业, 客户分类 …) that name no item. Each is mapped
 * to an item (suggested: the choice of an earlier import, else the most similar name), to a new
 * item (with 基础资料 rights) or to nothing. Unchosen values leave their rows as errors.
 */
export function ValueMapStep({ values, initial, busy, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState(() => initialChoices(values, initial));
  const open = values.columns.reduce((n, c) => n + c.values.filter((v) => choices[keyOf(c.field, v.value)] === undefined).length, 0);

  const submit = () => {
    const map: ValueMapEntry[] = [];
    for (const c of values.columns) {
      for (const v of c.values) {
        const e = toEntry(c.field, v.value, choices[keyOf(c.field, v.value)]);
        if (e) map.push(e);
      }
    }
    onNext(map);
  };

  const table = (c: UnmatchedColumn) => {
    const options = (v: ValueRow) => [
      ...(values.canCreate && v.creatable ? [{ value: CREATE, label: t('import.values.create', { value: v.value }) }] : []),
      { value: EMPTY, label: t('import.values.empty') },
      ...c.items.map((i) => ({ value: i.id, label: i.label })),
    ];
    const columns: TableColumnsType<ValueRow> = [
      { key: 'value', title: t('import.values.value'), dataIndex: 'value', width: 260 },
      { key: 'rows', title: t('import.values.rows'), dataIndex: 'rows', width: 90, align: 'right' },
      {
        key: 'reason',
        title: t('import.values.reason'),
        width: 160,
        render: (_v, r) => t(`import.values.reasons.${r.reason}`),
      },
      {
        key: 'to',
        title: t('import.values.to'),
        render: (_v, r) => {
          const k = keyOf(c.field, r.value);
          const s = r.suggestion;
          const suggested = s && choices[k] === (s.action === 'empty' ? EMPTY : s.id);
          return (
            <Space>
              <Select
                aria-label={t('import.values.toOf', { value: r.value })}
                style={{ width: 300 }}
                placeholder={t('import.values.choose')}
                showSearch={{ optionFilterProp: 'label' }}
                value={choices[k]}
                options={options(r)}
                onChange={(v: number) => setChoices((prev) => ({ ...prev, [k]: v }))}
              />
              {suggested && <Tag color={s.source === 'remembered' ? 'blue' : 'gold'}>{t(`import.values.source.${s.source}`)}</Tag>}
            </Space>
          );
        },
      },
    ];
    return (
      <Flex key={c.field} vertical gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('import.values.column', { field: t(`import.fields.${c.field}`), column: c.column, count: c.values.length + c.more })}
        </Typography.Title>
        <Table<ValueRow> rowKey="value" size="small" columns={columns} dataSource={c.values} pagination={false} />
        {c.more > 0 && <Typography.Text type="secondary">{t('import.values.more', { count: c.more })}</Typography.Text>}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('import.values.hint')} description={t('import.values.remembered')} />
      {values.columns.map(table)}
      {open > 0 && <Alert type="warning" showIcon title={t('import.values.open', { count: open })} />}
      <Space>
        <Button onClick={onBack} disabled={busy}>
          {t('import.back')}
        </Button>
        <Button type="primary" onClick={submit} loading={busy}>
          {t('import.mapping.check')}
        </Button>
      </Space>
    </Flex>
  );
}
