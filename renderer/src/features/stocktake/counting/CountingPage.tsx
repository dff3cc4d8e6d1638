import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StocktakeLine } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { useCall } from '../../../shared/useCall';
import { hasPermission, useSession } from '../../../stores/session';
import type { QueuedScan } from '../scanner/types';
import { getScanQueue } from '../scanner/useScanQueue';
import { CorrectionDialog, type CorrectionTarget } from './CorrectionDialog';
import { LineDialog, type LineRef } from './LineDialog';
import { LinesTable } from './LinesTable';
import type { LineActions } from './FeedbackPanel';
import { RecentScans } from './RecentScans';
import { ScanArea } from './ScanArea';
import { ScannerTestDrawer } from './ScannerTestDrawer';
import { StocktakeHeader } from './StocktakeHeader';
import { useAnswerPace } from './useAnswerPace';
import { useKeepFocus } from './useKeepFocus';
import './counting.css';

/** 盘点 of one stocktake (route stocktake/:id): the counting screen, or the draft's details. */
export function CountingPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const got = useCall('stocktake.get', valid ? { id } : null);
  if (!valid || (got.failed && !got.data)) return <Result status="404" title={t('stocktake.counting.notFound')} />;
  if (!got.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return <Counting key={id} id={id} data={got.data} reload={got.reload} setData={got.setData} />;
}

type Got = ReturnType<typeof useCall<'stocktake.get'>>;

function Counting({ id, data, reload, setData }: { id: number; data: NonNullable<Got['data']>; reload: Got['reload']; setData: Got['setData'] }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const canManage = hasPermission(user, 'stocktake.manage');
  const canCount = hasPermission(user, 'stocktake.count');
  const { stocktake, progress } = data;
  const counting = stocktake.status === 'counting' && canCount;
  // while the scanner test is open, bursts go to it: the page neither reads scans nor takes the focus
  const [testing, setTesting] = useState(false);
  const capture = counting && !testing;

  const fieldRef = useRef<HTMLInputElement>(null);
  const refocus = useKeepFocus(fieldRef, capture);

  // the tables and the full progress follow the answers once a burst pauses (useAnswerPace);
  // an undo or an edit is read at once
  const pace = useAnswerPace();
  const [undos, setUndos] = useState(0);
  const [edits, setEdits] = useState(0);
  const refresh = pace.settled + undos + edits;
  const shownRefresh = useRef(refresh);
  useEffect(() => {
    if (shownRefresh.current === refresh) return;
    shownRefresh.current = refresh;
    void reload();
  }, [refresh, reload]);
  const onUndone = useCallback(
    (clientId: string) => {
      // the scan's row in 本机扫描记录 reads 已撤销 (when it was scanned on this PC)
      getScanQueue(id).markUndone(clientId);
      setUndos((n) => n + 1);
    },
    [id],
  );

  const [lineTarget, setLineTarget] = useState<LineRef | null>(null);
  const [correctTarget, setCorrectTarget] = useState<CorrectionTarget | null>(null);
  const closeLine = useCallback(() => {
    setLineTarget(null);
    refocus();
  }, [refocus]);
  const closeCorrection = useCallback(() => {
    setCorrectTarget(null);
    refocus();
  }, [refocus]);
  const actions = useMemo<LineActions | null>(
    () =>
      counting
        ? {
            onNote: (s: QueuedScan) => s.ack?.lineId && setLineTarget({ lineId: s.ack.lineId, code: s.ack.code }),
            onCorrect: (s: QueuedScan) =>
              s.ack?.lineId &&
              s.ack.customer &&
              setCorrectTarget({ lineId: s.ack.lineId, code: s.ack.code, name: s.ack.customer.name }),
          }
        : null,
    [counting],
  );

  // both tabs read the same stocktake at the same pace and open the same dialogs
  const tables = {
    stocktakeId: id,
    refresh,
    editable: counting,
    onNote: (line: StocktakeLine) => setLineTarget({ line }),
    onCorrect: (line: StocktakeLine) => line.customer && setCorrectTarget({ lineId: line.id, code: line.code, name: line.customer.name }),
    onUndone,
    afterDialog: refocus,
  };

  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: '12px 20px' } }}>
        <StocktakeHeader
          stocktake={stocktake}
          canManage={canManage}
          afterDialog={refocus}
          extra={
            canCount && (
              <Button icon={<ScanOutlined aria-hidden />} onClick={() => setTesting(true)}>
                {t('stocktake.counting.scannerTest.open')}
              </Button>
            )
          }
          onChanged={(saved) => {
            setData({ stocktake: saved, progress });
            void reload();
          }}
        />
        {stocktake.memo && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {stocktake.memo}
          </Typography.Paragraph>
        )}
      </Card>
      {stocktake.status === 'draft' && (
        <Alert type="info" showIcon title={t('stocktake.counting.draft')} description={t('stocktake.counting.draftText')} />
      )}
      {stocktake.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          title={t('stocktake.counting.cancelled')}
          description={stocktake.cancelReason ?? undefined}
        />
      )}
      {(stocktake.status === 'reconciling' || stocktake.status === 'completed') && (
        <Alert type="info" showIcon title={t(`stocktake.counting.closed.${stocktake.status}`)} />
      )}
      <ScanArea
        stocktakeId={id}
        counting={counting}
        capture={capture}
        fieldRef={fieldRef}
        progress={progress}
        actions={actions}
        onAnswered={pace.onAnswered}
      />
      {stocktake.status !== 'draft' && (
        <Card styles={{ body: { padding: '4px 16px 12px' } }}>
          <Tabs
            items={[
              { key: 'lines', label: t('stocktake.counting.lines.title'), children: <LinesTable {...tables} /> },
              { key: 'recent', label: t('stocktake.counting.recent.title'), children: <RecentScans {...tables} /> },
            ]}
          />
        </Card>
      )}
      <ScannerTestDrawer open={testing} onClose={() => setTesting(false)} afterClose={refocus} />
      <LineDialog
        stocktakeId={id}
        target={lineTarget}
        onClose={closeLine}
        onSaved={() => {
          closeLine();
          setEdits((n) => n + 1);
        }}
      />
      <CorrectionDialog
        stocktakeId={id}
        target={correctTarget}
        onClose={closeCorrection}
        onSaved={() => {
          closeCorrection();
          setEdits((n) => n + 1);
        }}
      />
    </Flex>
  );
}
