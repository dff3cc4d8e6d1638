import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  PrinterOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../api';
import { formatMinute } from '../../../shared/format';
import { useAction } from '../../../shared/useCall';
import { stocktakePrintPath } from '../print/printPath';
import { exportReport } from './exportReport';
import { scopeText } from '../list/scopeText';
import { StocktakeStatusTag } from '../list/StocktakeStatusTag';
import { type ReportSummaryData, useScopeNames } from './reportText';

interface Props {
  summary: ReportSummaryData;
  can: (permission: string) => boolean;
  onBack: () => void;
  /** after the stocktake's status changed */
  onChanged: () => void;
  onReload: () => void;
}

type Running = 'export' | 'complete' | 'resume' | 'reconcile';

/** Title, state and dates of the stocktake; 导出 Excel, 打印 / PDF, 返回计数, 完成盘点. */
export function ReconcileHeader({ summary, can, onBack, onChanged, onReload }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { running, run } = useAction<Running>();
  const navigate = useNavigate();
  const s = summary.stocktake;
  const manage = can('stocktake.manage');
  const empty = t('common.empty');
  const names = useScopeNames(s);

  const doExport = () =>
    run(async () => {
      const { rows } = await exportReport(s.id);
      void message.success(t('stocktake.reconcile.exported', { rows }));
    }, 'export');

  const confirmComplete = () => {
    const pending = summary.counts.corrections ?? 0;
    const missing = summary.counts.missing ?? 0;
    const dealt = summary.adjusted.deactivateMissing ?? 0;
    modal.confirm({
      title: t('stocktake.reconcile.completeConfirm'),
      content: (
        <Flex vertical gap={8}>
          <span>{t('stocktake.reconcile.completeText')}</span>
          {pending > 0 && (
            <Alert type="warning" showIcon title={t('stocktake.reconcile.completePending', { count: pending })} />
          )}
          {missing > dealt && (
            <Alert type="info" showIcon title={t('stocktake.reconcile.completeMissing', { count: missing - dealt })} />
          )}
        </Flex>
      ),
      okText: t('stocktake.reconcile.complete'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          await call('stocktake.complete', { id: s.id });
          void message.success(t('stocktake.reconcile.completed'));
          onChanged();
        }, 'complete'),
    });
  };

  const confirmResume = () =>
    modal.confirm({
      title: t('stocktake.reconcile.resumeConfirm'),
      content: t('stocktake.reconcile.resumeText'),
      okText: t('stocktake.reconcile.resume'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          await call('stocktake.resume', { id: s.id });
          void message.success(t('stocktake.reconcile.resumed'));
          onChanged();
        }, 'resume'),
    });

  const toReconcile = () =>
    run(async () => {
      await call('stocktake.reconcile', { id: s.id });
      onChanged();
    }, 'reconcile');

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined aria-hidden />}
            aria-label={t('stocktake.reconcile.back')}
            onClick={onBack}
          />
          <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
            {t('stocktake.reconcile.pageTitle', { name: s.name })}
          </Typography.Title>
          <StocktakeStatusTag status={s.status} />
        </Flex>
        <Space wrap>
          <Button onClick={onReload}>{t('stocktake.reconcile.refresh')}</Button>
          {manage && (
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={running === 'export'}
              onClick={() => void doExport()}
            >
              {t('stocktake.reconcile.exportXlsx')}
            </Button>
          )}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(stocktakePrintPath(s.id))}>
            {t('stocktake.reconcile.print')}
          </Button>
          {manage && s.status === 'counting' && (
            <Button type="primary" loading={running === 'reconcile'} onClick={() => void toReconcile()}>
              {t('stocktake.reconcile.toReconcile')}
            </Button>
          )}
          {manage && s.status === 'reconciling' && (
            <>
              <Button icon={<RollbackOutlined aria-hidden />} loading={running === 'resume'} onClick={confirmResume}>
                {t('stocktake.reconcile.resume')}
              </Button>
              <Button
                type="primary"
                icon={<CheckCircleOutlined aria-hidden />}
                loading={running === 'complete'}
                onClick={confirmComplete}
              >
                {t('stocktake.reconcile.complete')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {s.status === 'completed' && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('stocktake.reconcile.completedNotice', {
            at: formatMinute(s.completedAt) ?? empty,
            by: s.completedByName ?? empty,
          })}
        />
      )}
      {s.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('stocktake.reconcile.cancelledNotice', { reason: s.cancelReason ?? empty })}
        />
      )}
      <Descriptions
        size="small"
        column={4}
        style={{ marginTop: 12 }}
        items={[
          { key: 'no', label: t('stocktake.reconcile.meta.no'), children: s.no },
          { key: 'scope', label: t('stocktake.reconcile.meta.scope'), children: scopeText(s.scope, t, names) },
          { key: 'assignee', label: t('stocktake.reconcile.meta.assignee'), children: s.assignee?.name ?? empty },
          { key: 'dueDate', label: t('stocktake.reconcile.meta.dueDate'), children: s.dueDate ?? empty },
          { key: 'createdBy', label: t('stocktake.reconcile.meta.createdBy'), children: s.createdByName ?? empty },
          {
            key: 'startedAt',
            label: t('stocktake.reconcile.meta.startedAt'),
            children: formatMinute(s.startedAt) ?? empty,
          },
          {
            key: 'reconcilingAt',
            label: t('stocktake.reconcile.meta.reconcilingAt'),
            children: formatMinute(s.reconcilingAt) ?? empty,
          },
          {
            key: 'completedAt',
            label: t('stocktake.reconcile.meta.completedAt'),
            children: formatMinute(s.completedAt) ?? empty,
          },
        ]}
      />
    </Card>
  );
}
