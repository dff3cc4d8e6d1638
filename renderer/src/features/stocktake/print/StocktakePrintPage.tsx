import { Alert, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../../shared/apiErrors';
import { PrintToolbar } from '../../../shared/PrintToolbar';
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
  const id = Number(useParams().id);
  const report = usePrintReport(id);
  // the moment the page was opened: printed in the header, stable across re-renders
  const [printedAt] = useState(() => dayjs().format('YYYY-MM-DD HH:mm'));
  const no = report.state === 'ready' ? report.summary.stocktake.no : '';
  const docTitle = t('stocktake.reconcile.printPage.docTitle', { no });

  usePrintPage(docTitle);

  return (
    <div className="st-print">
      <PrintToolbar
        className="st-print-toolbar"
        fallback={stocktakePaths.reconcile(id)}
        backLabel={t('stocktake.reconcile.printPage.back')}
        printLabel={t('stocktake.reconcile.printPage.print')}
        hint={t('stocktake.reconcile.printPage.hint')}
        ready={report.state === 'ready'}
      />
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
