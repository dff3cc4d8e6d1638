import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type {
  StocktakeStatus,
  StocktakeSummary,
} from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { pagedTable } from '../../../shared/paging';
import { RefreshButton } from '../../../shared/RefreshButton';
import { usePaged } from '../../../shared/useCall';
import { hasPermission, useSession } from '../../../stores/session';
import { useUserOptions } from '../../customers/shared/useUserOptions';
import { lookupName, useLookups } from '../../lookups/lookupsStore';
import { StocktakeDialog } from '../create/StocktakeDialog';
import { selectionFrom } from '../create/scopeValues';
import { stocktakePaths } from '../stocktakePaths';
import { StocktakeStatusTag } from './StocktakeStatusTag';
import { percentCounted, scopeText } from './scopeText';

type Shown = 'open' | 'completed' | 'cancelled' | 'all';
const SHOWN: Record<Shown, StocktakeStatus[] | undefined> = {
  open: ['draft', 'counting', 'reconciling'],
  completed: ['completed'],
  cancelled: ['cancelled'],
  all: undefined,
};

/** 客户盘点: the stocktakes (open ones first shown), 新建盘点; a row opens its counting screen. */
export function StocktakeListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const user = useSession((s) => s.user);
  const canManage = hasPermission(user, 'stocktake.manage');
  const [shown, setShown] = useState<Shown>('open');
  // customers ticked in the customer list arrive as the route's state: the dialog opens over them
  const [selection, setSelection] = useState<number[] | null>(() => {
    const ids = selectionFrom(location.state);
    return ids.length ? ids : null;
  });
  const [creating, setCreating] = useState(selection !== null);
  useEffect(() => {
    // the state is read once: going back to this page does not open the dialog again
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const list = usePaged('stocktake.list', ({ page, pageSize }) => ({ status: SHOWN[shown], page, pageSize }), {
    pageSize: 20,
  });
  const names = useScopeNames();

  const columns: TableColumnsType<StocktakeSummary> = [
    { key: 'no', title: t('stocktake.list.no'), dataIndex: 'no', width: 150 },
    { key: 'name', title: t('stocktake.list.name'), dataIndex: 'name', ellipsis: true },
    {
      key: 'status',
      title: t('stocktake.list.statusTitle'),
      width: 100,
      render: (_, row) => <StocktakeStatusTag status={row.status} />,
    },
    {
      key: 'scope',
      title: t('stocktake.list.scope'),
      ellipsis: { showTitle: true },
      render: (_, row) => scopeText(row.scope, t, names),
    },
    {
      key: 'progress',
      title: t('stocktake.list.progress'),
      width: 200,
      render: (_, row) => {
        if (row.status === 'draft')
          return <Typography.Text type="secondary">{t('stocktake.list.notStarted')}</Typography.Text>;
        return (
          <Flex vertical gap={0}>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>
              {t('stocktake.list.countedOf', { counted: row.countedCount, expected: row.expectedCount })}
            </Typography.Text>
            <Progress percent={percentCounted(row.countedCount, row.expectedCount)} size="small" showInfo={false} />
          </Flex>
        );
      },
    },
    {
      key: 'assignee',
      title: t('stocktake.list.assignee'),
      width: 110,
      render: (_, row) => row.assignee?.name ?? t('common.empty'),
    },
    {
      key: 'dueDate',
      title: t('stocktake.list.dueDate'),
      width: 110,
      render: (_, row) => row.dueDate ?? t('common.empty'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, row) => (
        <Flex gap={8}>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            onClick={() => navigate(stocktakePaths.one(row.id))}
          >
            {row.status === 'counting' ? t('stocktake.list.count') : t('stocktake.list.open')}
          </Button>
          {canManage && (row.status === 'reconciling' || row.status === 'completed') && (
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => navigate(stocktakePaths.reconcile(row.id))}
            >
              {row.status === 'completed' ? t('stocktake.list.report') : t('stocktake.list.reconcile')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card styles={{ body: { padding: '16px 20px 12px' } }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="baseline" gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('stocktake.title')}
          </Typography.Title>
          <Typography.Text type="secondary" aria-live="polite">
            {t('common.total', { total: list.total })}
          </Typography.Text>
        </Flex>
        <Flex gap={8} align="center" wrap>
          <Segmented<Shown>
            value={shown}
            onChange={(v) => {
              setShown(v);
              list.setPage(1);
            }}
            options={(Object.keys(SHOWN) as Shown[]).map((k) => ({ value: k, label: t(`stocktake.list.shown.${k}`) }))}
          />
          {canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                setSelection(null);
                setCreating(true);
              }}
            >
              {t('stocktake.list.add')}
            </Button>
          )}
          <RefreshButton onRefresh={() => void list.reload()} />
        </Flex>
      </Flex>
      <Table<StocktakeSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        {...pagedTable(list, t)}
        onRow={(row) => ({ onDoubleClick: () => navigate(stocktakePaths.one(row.id)) })}
        locale={{ emptyText: t('stocktake.list.empty') }}
      />
      {canManage && (
        <StocktakeDialog
          open={creating}
          selection={selection}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(stocktakePaths.one(saved.id));
          }}
        />
      )}
    </Card>
  );
}

/** Names of the managed-list items and users a filter scope names. */
function useScopeNames() {
  const items = useLookups((s) => s.items);
  const loadLookups = useLookups((s) => s.load);
  const users = useUserOptions((s) => s.items);
  const loadUsers = useUserOptions((s) => s.load);
  useEffect(() => {
    void loadLookups().catch(() => undefined);
    void loadUsers().catch(() => undefined);
  }, [loadLookups, loadUsers]);
  return useMemo(
    () => ({
      lookup: (id: number) => lookupName(items, id),
      user: (id: number) => users.find((u) => u.id === id)?.displayName ?? null,
    }),
    [items, users],
  );
}
