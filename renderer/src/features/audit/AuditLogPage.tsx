import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../../electron/core/audit/shared/audit.contract';
import { call } from '../../api';
import { useReportError } from '../../shared/apiErrors';
import { formatDateTime } from '../../shared/format';
import { translateOr } from '../../shared/translate';
import { useUserOptions } from '../customers/shared/useUserOptions';
import { useLookups } from '../lookups/lookupsStore';
import { AuditChanges } from './AuditChanges';
import { type AuditFacets, AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTarget } from './AuditTarget';
import { formatChanges, reasonOf } from './formatChanges';

interface Query {
  page: number;
  pageSize: number;
  filters: AuditFilterValues;
}

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
  const [facets, setFacets] = useState<AuditFacets>({ users: [], entities: [], actions: [] });
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, filters: {} });
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const lookups = useLookups((st) => st.items);
  const loadLookups = useLookups((st) => st.load);
  const users = useUserOptions((st) => st.items);

  const loadFacets = useCallback(async () => {
    try {
      setFacets(await call('audit.facets', {}));
    } catch (error) {
      reportError(error);
    }
  }, [reportError]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const { userId, entity, action, dates } = query.filters;
      const result = await call('audit.list', {
        page: query.page,
        pageSize: query.pageSize,
        userId: userId ?? undefined,
        entity: entity ?? undefined,
        action: action ?? undefined,
        ...dateBounds(dates),
      });
      setRows(result.items);
      setTotal(result.total);
    } catch (error) {
      reportError(error);
    } finally {
      setLoading(false);
    }
  }, [query, reportError]);

  useEffect(() => {
    void loadFacets();
  }, [loadFacets]);

  // managed-list names for values logged by id (a list item's parent, older customer rows)
  useEffect(() => {
    loadLookups().catch(reportError);
  }, [loadLookups, reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  const ctx = { lookups, users };
  const columns: TableColumnsType<AuditRow> = [
    { key: 'at', title: t('audit.columns.at'), width: 156, render: (_, row) => formatDateTime(row.at) },
    {
      key: 'user',
      title: t('audit.columns.user'),
      width: 100,
      ellipsis: { showTitle: true },
      render: (_, row) => row.userName ?? t('common.empty'),
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
            void loadFacets();
            void load();
          }}
        >
          {t('common.refresh')}
        </Button>
      </Flex>
      <AuditFilters facets={facets} onChange={(filters) => setQuery((q) => ({ ...q, page: 1, filters }))} />
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { total: n }),
        }}
        onChange={(pagination) =>
          setQuery((q) => ({
            ...q,
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? q.pageSize,
          }))
        }
      />
    </Card>
  );
}
