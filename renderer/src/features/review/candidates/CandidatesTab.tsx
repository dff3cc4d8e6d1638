import { Skeleton, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCandidate, ReviewRuleKey, ReviewRun } from '../../../../../electron/core/review/shared/review.contract';
import { sizablePager } from '../../../shared/paging';
import { hasPermission, useSession } from '../../../stores/session';
import { StatusChangeDialog } from '../../status/StatusChangeDialog';
import { EmptyReview } from '../EmptyReview';
import { type ReviewStatus, useReviewStatus } from '../reviewStatusStore';
import { useStartReview } from '../useStartReview';
import { type BulkAction, BulkBar } from './BulkBar';
import { CandidateFilters } from './CandidateFilters';
import { candidateColumns, sortFieldOf } from './candidateColumns';
import { KeepModal } from './KeepModal';
import { RunHeader } from './RunHeader';
import { type CandidateQuery, FIRST_QUERY, useCandidates } from './useCandidates';

interface Props {
  /** the run shown; undefined = the current one */
  runId: number | undefined;
  status: ReviewStatus | null;
  keepDays: number | null;
  enabledRules: ReviewRuleKey[] | null;
  onBackToCurrent(): void;
}

/** 候选客户: the run's candidates with the rules that hit and their facts; 停用 / 冻结 / 保留 in bulk. */
export function CandidatesTab({ runId, status, keepDays, enabledRules, onBackToCurrent }: Props) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const [query, setQuery] = useState<CandidateQuery>(FIRST_QUERY);
  const [selected, setSelected] = useState<ReviewCandidate[]>([]);
  const [acting, setActing] = useState<BulkAction | null>(null);
  const list = useCandidates(runId, query);
  const run: ReviewRun | null = list.run;

  const refreshAll = () => {
    setSelected([]);
    void list.reload();
    void useReviewStatus.getState().refresh();
  };
  const { starting, start } = useStartReview(() => {
    setQuery((q) => ({ ...FIRST_QUERY, pageSize: q.pageSize }));
    if (runId !== undefined) onBackToCurrent();
    refreshAll();
  });

  const canStart = hasPermission(user, 'customer.review') && runId === undefined;
  const actions = useMemo(() => {
    const out: BulkAction[] = [];
    if (hasPermission(user, 'customer.deactivate')) out.push('deactivate');
    if (hasPermission(user, 'customer.freeze')) out.push('freeze');
    out.push('keep');
    return out;
  }, [user]);

  const columns = useMemo(
    () => candidateColumns(t, query, run?.startedAt ?? null, query.decision !== 'open'),
    [t, query, run?.startedAt],
  );

  const changeQuery = (patch: Partial<CandidateQuery>) => {
    setSelected([]);
    setQuery((q) => ({ ...q, ...patch, page: 1 }));
  };

  if (!list.loaded) return <Skeleton active />;
  if (!run) {
    return (
      <EmptyReview enabledRules={enabledRules} canStart={canStart} starting={starting} onStart={() => start(null)} />
    );
  }

  const ids = selected.map((c) => c.customerId);
  const emptyText =
    query.decision === 'open' && !query.rule && run.candidateCount > 0
      ? t('review.list.emptyOpen')
      : t('review.list.empty');

  return (
    <>
      <RunHeader
        run={run}
        status={status}
        canStart={canStart}
        starting={starting}
        onStart={() => start(run)}
        onReload={refreshAll}
        onBackToCurrent={onBackToCurrent}
      />
      <CandidateFilters
        rules={run.rules}
        rule={query.rule}
        decision={query.decision}
        onRule={(rule) => changeQuery({ rule })}
        onDecision={(decision) => changeQuery({ decision })}
      />
      {run.open && (
        <BulkBar count={selected.length} actions={actions} onAction={setActing} onClear={() => setSelected([])} />
      )}
      <Table<ReviewCandidate>
        size="middle"
        rowKey="customerId"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 1000 }}
        rowSelection={
          run.open
            ? {
                selectedRowKeys: selected.map((c) => c.customerId as Key),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                getTitleCheckboxProps: () => ({ 'aria-label': t('common.selectAll') }),
                getCheckboxProps: (row) => ({
                  disabled: row.decision !== null,
                  'aria-label': `${row.code} ${row.name}`,
                }),
              }
            : undefined
        }
        onRow={(row) => ({ 'aria-label': `${row.code} ${row.name}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.total,
          ...sizablePager(t, [20, 50, 100, 200]),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ReviewCandidate>;
            const field = sortFieldOf(s.columnKey as string | undefined);
            const sort = field && s.order ? ({ field, order: s.order === 'ascend' ? 'asc' : 'desc' } as const) : null;
            setQuery((q) => ({ ...q, sort, page: 1 }));
            return;
          }
          setQuery((q) => ({ ...q, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? q.pageSize }));
        }}
        locale={{ emptyText }}
      />
      <KeepModal
        open={acting === 'keep'}
        runId={run.id}
        customerIds={ids}
        keepDays={keepDays}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          refreshAll();
        }}
      />
      {(acting === 'deactivate' || acting === 'freeze') && (
        <StatusChangeDialog
          open
          action={acting}
          customerIds={ids}
          defaultReasonKey={selected[0]?.suggestedReasonKey}
          reviewRunId={run.id}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            refreshAll();
          }}
        />
      )}
    </>
  );
}
