import { Alert, Button, Card, Result, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiCallError } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { useCall } from '../../../shared/useCall';
import { hasPermission, useSession } from '../../../stores/session';
import { stocktakePaths } from '../stocktakePaths';
import { CorrectionsTab } from './CorrectionsTab';
import { ReconcileHeader } from './ReconcileHeader';
import { ReportSummary } from './ReportSummary';
import { ROW_SECTIONS, type RowSection } from './reconcileRules';
import { SectionTab } from './SectionTab';

type TabKey = RowSection | 'corrections';
const TABS: readonly TabKey[] = [...ROW_SECTIONS, 'corrections'];

/**
 * 核对 (route stocktake/:id/reconcile): the report's summary and one tab per section, the bulk
 * adjustments, the corrections, 完成 and 返回计数, export and print. Read-only once completed.
 */
export default function ReconcilePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const user = useSession((s) => s.user);
  const can = (permission: string) => hasPermission(user, permission);
  const navigate = useNavigate();
  const reportError = useReportError();
  const [params, setParams] = useSearchParams();
  const [missing, setMissing] = useState(false);
  /** bumped after an adjustment or a decision: the open tab reads its rows again */
  const [changes, setChanges] = useState(0);
  const allowed = can('stocktake.manage');
  const report = useCall('stocktake.report', allowed && Number.isInteger(id) && id > 0 ? { id } : null, {
    onError: (error) => {
      if (error instanceof ApiCallError && error.code === 'NOT_FOUND') setMissing(true);
      else reportError(error);
    },
  });
  const tabParam = params.get('section') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'missing';
  const setTab = (key: TabKey) => setParams({ section: key }, { replace: true });

  const back = () => navigate(stocktakePaths.list);
  if (!allowed) return <Result status="403" title={t('stocktake.reconcile.noPermission')} />;
  if (missing || !(id > 0))
    return (
      <Result
        status="404"
        title={t('stocktake.reconcile.notFound')}
        extra={<Button onClick={back}>{t('stocktake.reconcile.back')}</Button>}
      />
    );
  const data = report.data;
  if (!data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );

  const changed = () => {
    setChanges((n) => n + 1);
    void report.reload();
  };
  const { stocktake, counts } = data;
  return (
    <>
      <ReconcileHeader
        summary={data}
        can={can}
        onBack={back}
        onChanged={changed}
        onReload={() => void report.reload()}
      />
      {stocktake.status === 'counting' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('stocktake.reconcile.counting')} />
      )}
      <ReportSummary summary={data} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TabKey)}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: `${t(`stocktake.reconcile.sections.${key}`)} ${counts[key] ?? 0}`,
            children:
              key === 'corrections' ? (
                <CorrectionsTab
                  refresh={changes}
                  stocktakeId={id}
                  status={stocktake.status}
                  can={can}
                  onChanged={changed}
                />
              ) : (
                <SectionTab
                  refresh={changes}
                  stocktakeId={id}
                  section={key}
                  total={counts[key] ?? 0}
                  status={stocktake.status}
                  can={can}
                  onChanged={changed}
                />
              ),
          }))}
        />
      </Card>
    </>
  );
}
