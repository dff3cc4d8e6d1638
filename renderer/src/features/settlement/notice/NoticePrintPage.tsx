import { Alert, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../../shared/apiErrors';
import { PrintToolbar } from '../../../shared/PrintToolbar';
import { useCall } from '../../../shared/useCall';
import { usePrintPage } from '../../../shared/usePrintPage';
import { settlementPaths } from '../settlementPaths';
import { PrintedNotice } from './PrintedNotice';
import './noticePrint.css';

/**
 * 结算通知 made for paper (`#/print/settlement/notice/:id`): A4, no app chrome; 打印 opens the print
 * dialog, where "save as PDF" makes the PDF. The toolbar is screen-only.
 */
export function NoticePrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [failure, setFailure] = useState<unknown>(null);
  const notice = useCall('settlement.notice', { voucherId: id }, { onError: setFailure });
  const data = notice.data;
  usePrintPage(t('settlement.notice.docTitle', { no: data?.voucher.no ?? '' }));

  return (
    <div className="sn-print">
      <PrintToolbar
        className="sn-print-toolbar"
        fallback={settlementPaths.voucher(id)}
        backLabel={t('settlement.notice.back')}
        printLabel={t('settlement.notice.print')}
        hint={t('settlement.notice.hint')}
        ready={!!data}
      />
      {notice.failed && !data && (
        <div className="sn-print-notice">
          <Alert type="error" showIcon title={errorText(failure)} />
        </div>
      )}
      {!data && !notice.failed && <Spin className="sn-print-loading" />}
      {data && <PrintedNotice notice={data} />}
    </div>
  );
}
