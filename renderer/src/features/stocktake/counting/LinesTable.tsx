import { Button, Flex, Input, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeLine } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../../../api';
import { formatMinute } from '../../../shared/format';
import { sizablePager } from '../../../shared/paging';
import { useAction, usePaged } from '../../../shared/useCall';
import { useDebounced } from '../../../shared/useDebounced';
import { StatusTag } from '../../status/StatusTag';

interface Props {
  stocktakeId: number;
  refresh: unknown;
  /** notes, evidence, 已核对 and corrections may be changed (counting, with stocktake.count) */
  editable: boolean;
  onNote: (line: StocktakeLine) => void;
  onCorrect: (line: StocktakeLine) => void;
}

/** 已盘客户: each counted customer (or unknown code): how often, by whom, 已核对, evidence, note, corrections. */
export function LinesTable({ stocktakeId, refresh, editable, onNote, onCorrect }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const lines = usePaged(
    'stocktake.lines',
    ({ page, pageSize }) => ({ stocktakeId, q: query || undefined, page, pageSize }),
    { pageSize: 20, refresh },
  );
  const toggle = useAction();
  const sep = t('common.listSeparator');

  const columns: TableColumnsType<StocktakeLine> = [
    // widths for 1280 px: the customer takes what is left; who and when sit on two lines so the
    // 已核对 switch never crowds the time
    { key: 'code', title: t('stocktake.counting.lines.code'), dataIndex: 'code', width: 130 },
    {
      key: 'name',
      title: t('stocktake.counting.lines.customer'),
      ellipsis: true,
      render: (_, l) => <CustomerCell line={l} />,
    },
    { key: 'scans', title: t('stocktake.counting.lines.scans'), dataIndex: 'scans', width: 64, align: 'right' },
    {
      key: 'last',
      title: t('stocktake.counting.lines.last'),
      width: 150,
      render: (_, l) => (
        <Flex vertical className="st-line-last">
          <Typography.Text ellipsis>{l.lastUserName ?? t('common.empty')}</Typography.Text>
          <Typography.Text type="secondary" className="st-nowrap">
            {formatMinute(l.lastAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'checked',
      title: t('stocktake.counting.line.checked'),
      width: 84,
      align: 'center',
      render: (_, l) => {
        if (!l.customer) return null;
        return (
          <Switch
            size="small"
            checked={l.checked}
            disabled={!editable || toggle.busy}
            aria-label={t('stocktake.counting.line.checked')}
            onChange={(checked) =>
              void toggle.run(async () => {
                await call('stocktake.updateLine', { stocktakeId, lineId: l.id, version: l.version, checked });
                await lines.reload();
              })
            }
          />
        );
      },
    },
    {
      key: 'evidence',
      title: t('stocktake.counting.line.evidenceShort'),
      width: 160,
      render: (_, l) => (
        <Flex vertical gap={2}>
          {l.evidence.length > 0 && <span>{l.evidence.map((e) => t(`stocktake.counting.evidence.${e}`)).join(sep)}</span>}
          {l.note && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: l.note }} style={{ maxWidth: 144 }}>
              {l.note}
            </Typography.Text>
          )}
          {l.pendingCorrections > 0 && (
            <Tag color="orange" style={{ alignSelf: 'start' }}>
              {t('stocktake.counting.lines.corrections', { count: l.pendingCorrections })}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, l) =>
        editable && l.customer ? (
          <Flex gap={8}>
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onNote(l)}>
              {t('stocktake.counting.line.note')}
            </Button>
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onCorrect(l)}>
              {t('stocktake.counting.line.correct')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          lines.setPage(1);
        }}
        placeholder={t('stocktake.counting.lines.search')}
        aria-label={t('stocktake.counting.lines.search')}
        style={{ maxWidth: 320 }}
      />
      <Table<StocktakeLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={lines.items}
        loading={lines.loading && lines.items.length === 0}
        pagination={{ ...lines.pagination, ...sizablePager(t, [20, 50, 100]) }}
        onChange={lines.onTableChange}
        locale={{ emptyText: t('stocktake.counting.lines.empty') }}
      />
    </Flex>
  );
}

/** The customer's name (and its state unless active), or 未知编码 for a code no customer has. */
function CustomerCell({ line }: { line: StocktakeLine }) {
  const { t } = useTranslation();
  if (!line.customer) return <Typography.Text type="danger">{t('stocktake.counting.result.unknown')}</Typography.Text>;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{line.customer.name}</span>
      {line.customer.status !== 'active' && <StatusTag status={line.customer.status} />}
    </Flex>
  );
}
