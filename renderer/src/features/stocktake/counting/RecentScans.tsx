import { Button, Flex, Popconfirm, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { call } from '../../../api';
import { formatDateTime } from '../../../shared/format';
import { useAction, useCall } from '../../../shared/useCall';
import { TONE_COLORS } from './feedback';

type RecentScan = ChannelOutput<'stocktake.recent'>['items'][number];

const RESULT_TONE = {
  found: 'found',
  duplicate: 'duplicate',
  unknown: 'unknown',
  deactivated: 'blocked',
  frozen: 'blocked',
  outOfScope: 'outOfScope',
} as const;

interface Props {
  stocktakeId: number;
  /** changes when scans were answered or taken back (the list reads again) */
  refresh: unknown;
  /** scans may be taken back (counting, with stocktake.count) */
  editable: boolean;
  /** a scan was taken back (its client id: this PC's list relabels it) */
  onUndone: (clientId: string) => void;
  afterDialog: () => void;
}

/** 最近扫描: the newest scans of every counter (or only mine): who, when, what; 撤销 takes one back (logged). */
export function RecentScans({ stocktakeId, refresh, editable, onUndone, afterDialog }: Props) {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  const recent = useCall('stocktake.recent', { stocktakeId, mine, limit: 30 }, { refresh });
  const undo = useAction();

  const columns: TableColumnsType<RecentScan> = [
    {
      key: 'at',
      title: t('stocktake.counting.recent.at'),
      width: 170,
      render: (_, r) => formatDateTime(r.scannedAt),
    },
    { key: 'code', title: t('stocktake.counting.recent.code'), width: 150, dataIndex: 'code' },
    {
      key: 'customer',
      title: t('stocktake.counting.recent.customer'),
      ellipsis: true,
      render: (_, r) => r.customerName ?? t('common.empty'),
    },
    {
      key: 'result',
      title: t('stocktake.counting.recent.result'),
      width: 110,
      render: (_, r) => {
        const c = TONE_COLORS[RESULT_TONE[r.result]];
        return (
          <Tag style={{ color: c.fg, background: c.bg, borderColor: c.border, marginInlineEnd: 0 }}>
            {t(`stocktake.counting.result.${r.result}`)}
          </Tag>
        );
      },
    },
    {
      key: 'source',
      title: t('stocktake.counting.recent.source'),
      width: 90,
      render: (_, r) => t(`stocktake.counting.source.${r.source}`),
    },
    {
      key: 'user',
      title: t('stocktake.counting.recent.user'),
      width: 100,
      render: (_, r) => r.userName ?? t('common.empty'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, r) => {
        if (r.undone) return <Typography.Text type="secondary">{t('stocktake.counting.recent.undone')}</Typography.Text>;
        return editable ? (
          <Popconfirm
            title={t('stocktake.counting.recent.undoConfirm', { code: r.code })}
            okText={t('stocktake.counting.recent.undo')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: undo.busy }}
            onOpenChange={(open) => {
              if (!open) afterDialog();
            }}
            onConfirm={() =>
              undo.run(async () => {
                await call('stocktake.undo', { stocktakeId, scanId: r.scanId });
                await recent.reload();
                onUndone(r.clientId);
              })
            }
          >
            <Button type="link" size="small" danger style={{ paddingInline: 0 }}>
              {t('stocktake.counting.recent.undo')}
            </Button>
          </Popconfirm>
        ) : null;
      },
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Segmented<'all' | 'mine'>
        value={mine ? 'mine' : 'all'}
        onChange={(v) => setMine(v === 'mine')}
        options={[
          { value: 'all', label: t('stocktake.counting.recent.all') },
          { value: 'mine', label: t('stocktake.counting.recent.mine') },
        ]}
        style={{ alignSelf: 'start' }}
      />
      <Table<RecentScan>
        rowKey="scanId"
        size="small"
        columns={columns}
        dataSource={recent.data?.items ?? []}
        loading={recent.loading && !recent.data}
        pagination={false}
        rowClassName={(r) => (r.undone ? 'st-undone' : '')}
        locale={{ emptyText: t('stocktake.counting.recent.empty') }}
      />
    </Flex>
  );
}
