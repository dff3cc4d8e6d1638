import { Button, Flex, Table, type TableColumnsType, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReviewRun } from '../../../../../electron/core/review/shared/review.contract';
import { formatDateTime } from '../../../shared/format';
import { sizablePager } from '../../../shared/paging';
import { usePaged } from '../../../shared/useCall';
import { RuleNameTags } from '../RuleTags';
import { openCount } from '../runCounts';

/** "850 毫秒" / "1.3 秒" */
function durationText(ms: number, t: TFunction): string {
  return ms < 1000 ? t('review.runs.durationMs', { ms }) : t('review.runs.durationS', { s: (ms / 1000).toFixed(1) });
}

/** A count; zeros are dimmed so the eye finds what was done. */
const count = (n: number) => (n ? n : <span style={{ color: 'var(--ant-color-text-quaternary)' }}>0</span>);

/** 审查记录: every run, newest first — when, who, how many candidates, how long, what was done. */
export function RunsTab({ onView }: { onView(run: ReviewRun): void }) {
  const { t } = useTranslation();
  const runs = usePaged('review.runs', ({ page, pageSize }) => ({ page, pageSize }), { pageSize: 20 });

  const columns: TableColumnsType<ReviewRun> = [
    {
      key: 'startedAt',
      title: t('review.runs.startedAt'),
      width: 230,
      render: (_, row) => (
        <Flex align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.startedAt)}
          {row.open && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('review.runs.current')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'startedBy',
      title: t('review.runs.startedBy'),
      width: 120,
      render: (_, row) => row.startedByName ?? t('review.run.unknownUser'),
    },
    { key: 'rules', title: t('review.runs.rules'), render: (_, row) => <RuleNameTags rules={row.rules} /> },
    { key: 'candidates', title: t('review.runs.candidates'), align: 'right', render: (_, row) => row.candidateCount },
    {
      key: 'duration',
      title: t('review.runs.duration'),
      align: 'right',
      render: (_, row) => durationText(row.durationMs, t),
    },
    {
      key: 'deactivated',
      title: t('review.runs.deactivated'),
      align: 'right',
      render: (_, row) => count(row.deactivated),
    },
    { key: 'scheduled', title: t('review.runs.scheduled'), align: 'right', render: (_, row) => count(row.scheduled) },
    { key: 'frozen', title: t('review.runs.frozen'), align: 'right', render: (_, row) => count(row.frozen) },
    { key: 'kept', title: t('review.runs.kept'), align: 'right', render: (_, row) => count(row.kept) },
    { key: 'undecided', title: t('review.runs.undecided'), align: 'right', render: (_, row) => count(openCount(row)) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => onView(row)} style={{ paddingInline: 0 }}>
          {t('review.runs.view')}
        </Button>
      ),
    },
  ];

  return (
    <Table<ReviewRun>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={runs.items}
      loading={runs.loading}
      scroll={{ x: 1000 }}
      onRow={(row) =>
        ({ 'aria-label': formatDateTime(row.startedAt) ?? undefined }) as React.HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: t('review.runs.empty') }}
      pagination={{ ...runs.pagination, ...sizablePager(t, [20, 50, 100]) }}
      onChange={runs.onTableChange}
    />
  );
}
