import { Alert, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ymdSchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { errorText } from '../../../shared/apiErrors';
import { PrintToolbar } from '../../../shared/PrintToolbar';
import { useCall } from '../../../shared/useCall';
import { usePrintPage } from '../../../shared/usePrintPage';
import { StatementDoc } from './StatementDoc';

/**
 * The 对账单 made for paper (`#/print/settlement/statement?customerId=&from=&to=`): A4, no app
 * chrome; 打印 opens the print dialog, where "save as PDF" makes the PDF.
 */
export function StatementPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const customerId = Number(params.get('customerId'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid =
    Number.isInteger(customerId) &&
    customerId > 0 &&
    ymdSchema.safeParse(from).success &&
    ymdSchema.safeParse(to).success;
  const [error, setError] = useState<unknown>(null);
  const statement = useCall('settlement.statement', valid ? { customerId, from, to } : null, { onError: setError });
  const [printedAt] = useState(() => dayjs().format('YYYY-MM-DD HH:mm'));
  const s = statement.data;
  usePrintPage(t('settlement.statement.docTitle', { name: s?.customer.name ?? '', from, to }));

  return (
    <div className="sst-print">
      <PrintToolbar
        className="sst-print-toolbar"
        fallback="/settlement"
        backLabel={t('settlement.statement.back')}
        printLabel={t('settlement.statement.print')}
        hint={t('settlement.statement.printHint')}
        ready={!!s}
      />
      {(!valid || statement.failed) && (
        <div className="sst-print-notice">
          <Alert type="error" showIcon title={valid ? errorText(error) : t('settlement.statement.badLink')} />
        </div>
      )}
      {valid && !s && !statement.failed && <Spin style={{ display: 'block', padding: '48px 0' }} />}
      {s && <StatementDoc statement={s} printedAt={printedAt} />}
    </div>
  );
}
