import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../../shared/apiErrors';
import { usePrintPage } from '../../../shared/usePrintPage';
import { stocktakePaths } from '../stocktakePaths';
import { PrintedReport } from './PrintedReport';
import { usePrintReport } from './usePrintReport';
import './stocktakePrint.css';

/**
 * The stocktake's report made for paper (`#/print/stocktake/:id`): A4, no app chrome; 打印 opens
 * the print dialog, where "save as PDF" makes the PDF. The toolbar is screen-only.
 */
export function StocktakePrintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const report = usePrintReport(id);
  // the moment the page was opened: printed in the header, stable across re-renders
  const [printedAt] = useState(() => dayjs().format('YYYY-MM-DD HH:mm'));
  const no = report.state === 'ready' ? report.summary.stocktake.no : '';
  const docTitle = t('stocktake.reconcile.printPage.docTitle', { no });

  usePrintPage(docTitle);

  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(stocktakePaths.reconcile(id));
  };

  return (
    <div className="st-print">
      <header className="st-print-toolbar">
        <Flex align="center" gap={12} wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={back}>
            {t('stocktake.reconcile.printPage.back')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined aria-hidden />}
            disabled={report.state !== 'ready'}
            onClick={() => window.print()}
          >
            {t('stocktake.reconcile.printPage.print')}
          </Button>
          <Typography.Text type="secondary">{t('stocktake.reconcile.printPage.hint')}</Typography.Text>
        </Flex>
      </header>
      {report.state === 'failed' && (
        <div className="st-print-notice">
          <Alert type="error" showIcon title={errorText(report.error)} />
        </div>
      )}
      {report.state === 'loading' && (
        <Spin className="st-print-loading" description={t('stocktake.reconcile.loading')} />
      )}
      {report.state === 'ready' && <PrintedReport report={report} printedAt={printedAt} />}
    </div>
  );
}
