import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../electron/core/audit/shared/audit.contract';
import { useReportError } from '../../shared/apiErrors';
import { formatDateTime } from '../../shared/format';
import { sizablePager } from '../../shared/paging';
import { translateOr } from '../../shared/translate';
import { useCall, usePaged } from '../../shared/useCall';
import { useUserOptions } from '../customers/shared/useUserOptions';
import { useLookups } from '../lookups/lookupsStore';
import { AuditChanges } from './AuditChanges';
import { type AuditFacets, AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTarget } from './AuditTarget';
import { formatChanges, reasonOf } from './formatChanges';

const NO_FACETS: AuditFacets = { users: [], entities: [], actions: [] };

/** Local day start of the first date, local start of the day after the last (exclusive), as instants. */
function dateBounds(dates: AuditFilterValues['dates']): { from?: string; to?: string } {
  const [start, end] = dates ?? [null, null];
  return {
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

/** The operation log: who did what when, filtered and paged on the server. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const reportError = useReportError();
  const facets = useCall('audit.facets', {});
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const list = usePaged(
    'audit.list',
    ({ page, pageSize }) => ({
      page,
      pageSize,
      userId: filters.userId ?? undefined,
      entity: filters.entity ?? undefined,
      action: filters.action ?? undefined,
      ...dateBounds(filters.dates),
    }),
    { pageSize: 20 },
  );
  const lookups = useLookups((st) => st.items);
  const loadLookups = useLookups((st) => st.load);
  const users = useUserOptions((st) => st.items);

  // managed-list names for values logged by id (a list item's parent, older customer rows)
  useEffect(() => {
    loadLookups().catch(reportError);
  }, [loadLookups, reportError]);

  const ctx = { lookups, users };
  const columns: TableColumnsType<AuditRow> = [
    { key: 'at', title: t('audit.columns.at'), width: 156, render: (_, row) => formatDateTime(row.at) },
    {
      key: 'user',
      title: t('audit.columns.user'),
      width: 140,
      ellipsis: { showTitle: true },
      render: (_, row) => <AuditUser row={row} />,
    },
    {
      key: 'action',
      title: t('audit.columns.action'),
      width: 92,
      ellipsis: { showTitle: true },
      render: (_, row) => translateOr('audit.action', row.action),
    },
    {
      key: 'entity',
      title: t('audit.columns.entity'),
      width: 176,
      render: (_, row) => <AuditTarget row={row} />,
    },
    {
      key: 'changes',
      title: t('audit.columns.changes'),
      render: (_, row) => <AuditChanges lines={formatChanges(row, ctx)} />,
    },
    {
      key: 'reason',
      title: t('audit.columns.reason'),
      width: 150,
      render: (_, row) => {
        const { reason, memo } = reasonOf(row);
        if (!reason && !memo) return t('common.empty');
        return (
          <Flex vertical style={{ minWidth: 0 }}>
            {reason && <Typography.Text ellipsis={{ tooltip: reason }}>{reason}</Typography.Text>}
            {memo && (
              <Typography.Text type="secondary" ellipsis={{ tooltip: memo }}>
                {t('audit.memo', { memo })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            void facets.reload();
            void list.reload();
          }}
        >
          {t('common.refresh')}
        </Button>
      </Flex>
      <AuditFilters
        facets={facets.data ?? NO_FACETS}
        onChange={(next) => {
          setFilters(next);
          list.setPage(1);
        }}
      />
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={{ ...list.pagination, ...sizablePager(t, [20, 50, 100, 200]) }}
        onChange={list.onTableChange}
      />
    </Card>
  );
}

/** Who made the change, and the paired device it was made on (办公室网络), if not this PC. */
function AuditUser({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const name = row.userName ?? t('common.empty');
  if (!row.device) return name;
  return (
    <>
      {name}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('audit.onDevice', { name: row.device.name })}
      </Typography.Text>
    </>
  );
}
