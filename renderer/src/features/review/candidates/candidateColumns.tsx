import type { TableColumnsType } from 'antd';
import { Flex, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ReviewCandidate } from '../../../../../electron/core/review/shared/review.contract';
import { formatMinute } from '../../../shared/format';
import { customerPaths } from '../../../shared/customerPaths';
import { StatusTag } from '../../status/StatusTag';
import { CandidateRuleTags } from '../RuleTags';
import { localDate } from '../ruleText';
import type { CandidateQuery, CandidateSortField } from './useCandidates';

const DECISION_COLORS: Record<string, string> = {
  deactivated: 'default',
  scheduled: 'orange',
  frozen: 'blue',
  kept: 'green',
};

function sortOrder(query: CandidateQuery, field: CandidateSortField): SortOrder {
  if (query.sort?.field !== field) return null;
  return query.sort.order === 'asc' ? 'ascend' : 'descend';
}

/** What was decided for a candidate, by whom and when (and the note of a keep). */
function Decision({ row, t }: { row: ReviewCandidate; t: TFunction }) {
  if (!row.decision) return <Tag style={{ marginInlineEnd: 0 }}>{t('review.decision.open')}</Tag>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={DECISION_COLORS[row.decision] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {t(`review.decision.${row.decision}`, { defaultValue: row.decision })}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.decision.byAt', {
          by: row.decidedByName ?? t('review.run.unknownUser'),
          at: formatMinute(row.decidedAt) ?? t('common.empty'),
        })}
      </Typography.Text>
      {row.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: row.note }}>
          {t('review.decision.note', { note: row.note })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The candidate table's columns; sortable ones sort on the server (CANDIDATE_SORTS). */
export function candidateColumns(
  t: TFunction,
  query: CandidateQuery,
  runStartedAt: string | null,
  showDecision: boolean,
): TableColumnsType<ReviewCandidate> {
  const columns: TableColumnsType<ReviewCandidate> = [
    {
      key: 'code',
      title: t('review.columns.code'),
      width: 120,
      sorter: true,
      sortOrder: sortOrder(query, 'code'),
      render: (_, row) => <Link to={customerPaths.detail(row.customerId)}>{row.code}</Link>,
    },
    {
      key: 'name',
      title: t('review.columns.name'),
      width: 240,
      sorter: true,
      sortOrder: sortOrder(query, 'name'),
      render: (_, row) => row.name,
    },
    {
      key: 'status',
      title: t('review.columns.status'),
      width: 100,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'ruleCount',
      title: t('review.columns.rules'),
      sorter: true,
      sortOrder: sortOrder(query, 'ruleCount'),
      render: (_, row) => <CandidateRuleTags candidate={row} runStartedAt={runStartedAt} />,
    },
    {
      key: 'lastActivityAt',
      title: t('review.columns.lastActivityAt'),
      width: 120,
      sorter: true,
      sortOrder: sortOrder(query, 'lastActivityAt'),
      render: (_, row) => localDate(row.lastActivityAt) ?? t('common.empty'),
    },
    {
      key: 'contractEndDate',
      title: t('review.columns.contractEndDate'),
      width: 120,
      sorter: true,
      sortOrder: sortOrder(query, 'contractEndDate'),
      render: (_, row) => row.contractEndDate ?? t('common.empty'),
    },
  ];
  if (showDecision) {
    columns.push({
      key: 'decision',
      title: t('review.columns.decision'),
      width: 200,
      render: (_, row) => <Decision row={row} t={t} />,
    });
  }
  return columns;
}

/** The sort field of a column key, if the server sorts by it. */
export function sortFieldOf(key: string | undefined): CandidateSortField | null {
  return key === 'code' ||
    key === 'name' ||
    key === 'ruleCount' ||
    key === 'lastActivityAt' ||
    key === 'contractEndDate'
    ? key
    : null;
}
