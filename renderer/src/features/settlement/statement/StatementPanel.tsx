import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../api';
import { useAction, useCall } from '../../../shared/useCall';
import { downloadFile } from '../../import/fileTransfer';
import { StatementDoc } from './StatementDoc';
import { defaultPeriod, statementPrintPath } from './statementPaths';

interface Props {
  customerId: number;
  /** the period's last day first shown (default today) */
  to?: string;
}

/** A customer's 对账单 for a period: the period picker, the statement on screen, 打印 and 导出 .xlsx. */
export function StatementPanel({ customerId, to }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(() => defaultPeriod(to ?? dayjs().format('YYYY-MM-DD')));
  const statement = useCall('settlement.statement', { customerId, ...period });
  const exporting = useAction();
  const s = statement.data;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap justify="space-between">
        <Flex gap={8} align="center">
          <Typography.Text>{t('settlement.statement.period')}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(v) => {
              const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setPeriod({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
            }}
            aria-label={t('settlement.statement.period')}
          />
        </Flex>
        <Flex gap={8}>
          <Button
            icon={<PrinterOutlined aria-hidden />}
            onClick={() => navigate(statementPrintPath(customerId, period.from, period.to))}
          >
            {t('settlement.statement.print')}
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            loading={exporting.busy}
            onClick={() =>
              void exporting
                .run(async () => downloadFile(await call('settlement.statementExport', { customerId, ...period })))
                .then((ok) => ok && message.success(t('settlement.statement.exported')))
            }
          >
            {t('settlement.statement.export')}
          </Button>
        </Flex>
      </Flex>
      {s ? <StatementDoc statement={s} /> : <Skeleton active />}
    </Flex>
  );
}
