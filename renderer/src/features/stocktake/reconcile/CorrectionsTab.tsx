import { Alert, App, Button, Flex, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StocktakeStatus } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { ApiCallError, call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { customerPaths } from '../../../shared/customerPaths';
import { formatMinute } from '../../../shared/format';
import { sizablePager } from '../../../shared/paging';
import { usePaged } from '../../../shared/useCall';
import { CorrectionChange, type Correction } from './CorrectionChange';
import { canDecideCorrections } from './reconcileRules';

type StatusFilter = 'proposed' | 'applied' | 'rejected' | 'all';

const STATUS_COLORS = { proposed: 'gold', applied: 'green', rejected: 'default' } as const;

interface Props {
  stocktakeId: number;
  status: StocktakeStatus;
  can: (permission: string) => boolean;
  refresh: number;
  onChanged: () => void;
}

/**
 * 更正建议: each proposed correction, before → proposed; 应用 (through the customer edit path; if
 * the customer changed since, the difference is shown first and applying needs a second yes) or
 * 驳回 with a memo. Decided ones stay listed with who decided and when.
 */
export function CorrectionsTab({ stocktakeId, status, can, refresh, onChanged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [filter, setFilter] = useState<StatusFilter>('proposed');
  const memo = useRef('');
  const decides = canDecideCorrections(status, can);
  const rows = usePaged(
    'stocktake.corrections',
    (p) => ({ id: stocktakeId, status: filter === 'all' ? undefined : filter, page: p.page, pageSize: p.pageSize }),
    { pageSize: 50, refresh },
  );

  const decide = async (
    c: Correction,
    decision: 'apply' | 'reject',
    extra: { memo?: string; acceptChanged?: boolean } = {},
  ) => {
    try {
      await call('stocktake.decideCorrection', {
        id: c.id,
        decision,
        memo: extra.memo?.trim() ? extra.memo : null,
        acceptChanged: extra.acceptChanged ?? false,
      });
      void message.success(
        t(
          decision === 'apply' ? 'stocktake.reconcile.corrections.applied' : 'stocktake.reconcile.corrections.rejected',
        ),
      );
      onChanged();
    } catch (error) {
      reportError(error);
      // someone changed the customer or decided it meanwhile: show the list as it is now
      if (error instanceof ApiCallError) void rows.reload();
      throw error;
    }
  };

  const confirmChanged = (c: Correction) =>
    modal.confirm({
      title: t('stocktake.reconcile.corrections.changedTitle'),
      width: 560,
      content: (
        <Flex vertical gap={8}>
          <span>{t('stocktake.reconcile.corrections.changedText')}</span>
          <CorrectionChange correction={c} />
        </Flex>
      ),
      okText: t('stocktake.reconcile.corrections.applyAnyway'),
      cancelText: t('common.cancel'),
      onOk: () => decide(c, 'apply', { acceptChanged: true }).catch(() => undefined),
    });

  const apply = (c: Correction) => {
    if (c.customerChanged) return confirmChanged(c);
    void decide(c, 'apply').catch((error) => {
      // the core found the customer changed after this list was read: ask as above
      if (error instanceof ApiCallError && error.code === 'CONFLICT') confirmChanged({ ...c, customerChanged: true });
    });
  };

  const reject = (c: Correction) => {
    memo.current = '';
    modal.confirm({
      title: t('stocktake.reconcile.corrections.rejectTitle'),
      width: 520,
      content: (
        <Flex vertical gap={8}>
          <CorrectionChange correction={c} />
          <Input.TextArea
            rows={3}
            maxLength={200}
            aria-label={t('stocktake.reconcile.corrections.rejectMemo')}
            placeholder={t('stocktake.reconcile.corrections.rejectMemo')}
            onChange={(e) => {
              memo.current = e.target.value;
            }}
          />
        </Flex>
      ),
      okText: t('stocktake.reconcile.corrections.reject'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => decide(c, 'reject', { memo: memo.current }).catch(() => undefined),
    });
  };

  const empty = t('common.empty');
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('stocktake.reconcile.hints.corrections')}</Typography.Text>
      <Segmented<StatusFilter>
        value={filter}
        onChange={(v) => {
          setFilter(v);
          rows.setPage(1);
        }}
        options={[
          { value: 'proposed', label: t('stocktake.reconcile.corrections.status.proposed') },
          { value: 'applied', label: t('stocktake.reconcile.corrections.status.applied') },
          { value: 'rejected', label: t('stocktake.reconcile.corrections.status.rejected') },
          { value: 'all', label: t('stocktake.reconcile.corrections.all') },
        ]}
      />
      <Table<Correction>
        size="small"
        rowKey="id"
        dataSource={rows.items}
        loading={rows.loading}
        locale={{ emptyText: t('stocktake.reconcile.corrections.none') }}
        pagination={{ ...rows.pagination, ...sizablePager(t, [50, 100, 200]) }}
        onChange={rows.onTableChange}
        columns={[
          {
            key: 'customer',
            title: t('stocktake.reconcile.corrections.customer'),
            width: 220,
            render: (_, c) => (
              <Flex vertical>
                <Typography.Link onClick={() => navigate(customerPaths.detail(c.customer.id))}>
                  {c.customer.code}
                </Typography.Link>
                <span>{c.customer.name}</span>
              </Flex>
            ),
          },
          {
            key: 'change',
            title: t('stocktake.reconcile.corrections.change'),
            render: (_, c) => <CorrectionChange correction={c} />,
          },
          {
            key: 'proposedBy',
            title: t('stocktake.reconcile.corrections.proposedBy'),
            width: 150,
            render: (_, c) => (
              <Flex vertical>
                <span>{c.proposedByName ?? empty}</span>
                <Typography.Text type="secondary">{formatMinute(c.proposedAt)}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('stocktake.reconcile.corrections.decided'),
            width: 200,
            render: (_, c) => (
              <Flex vertical gap={2} align="start">
                <Space size={4} wrap>
                  <Tag color={STATUS_COLORS[c.status]}>{t(`stocktake.reconcile.corrections.status.${c.status}`)}</Tag>
                  {c.status === 'proposed' && c.customerChanged && (
                    <Tag color="orange">{t('stocktake.reconcile.corrections.changedTag')}</Tag>
                  )}
                </Space>
                {c.decidedAt && (
                  <Typography.Text type="secondary">
                    {t('stocktake.reconcile.corrections.decidedBy', {
                      by: c.decidedByName ?? empty,
                      at: formatMinute(c.decidedAt),
                    })}
                  </Typography.Text>
                )}
                {c.decisionMemo && <span>{c.decisionMemo}</span>}
              </Flex>
            ),
          },
          ...(decides
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 150,
                  render: (_: unknown, c: Correction) =>
                    c.status === 'proposed' && (
                      <Space>
                        <Button size="small" type="primary" onClick={() => apply(c)}>
                          {t('stocktake.reconcile.corrections.apply')}
                        </Button>
                        <Button size="small" danger onClick={() => reject(c)}>
                          {t('stocktake.reconcile.corrections.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {!decides && status === 'reconciling' && (
        <Alert type="info" showIcon title={t('stocktake.reconcile.adjust.noPermission')} />
      )}
    </Flex>
  );
}
