import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorText } from '../../../shared/apiErrors';
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
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [failure, setFailure] = useState<unknown>(null);
  const notice = useCall('settlement.notice', { voucherId: id }, { onError: setFailure });
  const data = notice.data;
  usePrintPage(t('settlement.notice.docTitle', { no: data?.voucher.no ?? '' }));

  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(settlementPaths.voucher(id));
  };

  return (
    <div className="sn-print">
      <header className="sn-print-toolbar">
        <Flex align="center" gap={12} wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={back}>
            {t('settlement.notice.back')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} disabled={!data} onClick={() => window.print()}>
            {t('settlement.notice.print')}
          </Button>
          <Typography.Text type="secondary">{t('settlement.notice.hint')}</Typography.Text>
        </Flex>
      </header>
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
