import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../../api/index';
import { useAction } from '../../shared/useCall';
import { type CustomerFilters as Filters, exportRequestFromUrl } from '../customers/exportAction';
import { CustomerFilters } from '../customers/list/CustomerFilters';
import { cleanFilters, type ListSort } from '../customers/list/listQuery';
import { downloadFile } from './fileTransfer';
import { ProgressBar } from './ProgressBar';
import { useImportProgress } from './useImportProgress';

/** Export of the filtered list to .xlsx or .csv, with the import template's columns. */
export function ExportPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const initial = exportRequestFromUrl(params);
  const [q, setQ] = useState(initial.q);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [sort, setSort] = useState<ListSort | null>(initial.sort);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const { busy, run: runAction } = useAction();
  const progress = useImportProgress(busy);

  const run = () =>
    runAction(async () => {
      const file = await call('customer.export', { q: q.trim() || undefined, filters: cleanFilters(filters), sort: sort ?? undefined, format });
      await downloadFile(file);
      void message.success(t('import.export.done', { count: file.rows ?? 0 }));
    });

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('import.export.hint')}</Typography.Text>
        <Input.Search
          aria-label={t('import.export.q')}
          placeholder={t('import.export.q')}
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 420 }}
        />
        <CustomerFilters
          filters={filters}
          onFilters={setFilters}
          sort={sort}
          onSort={setSort}
          onReset={() => {
            setQ('');
            setFilters({});
            setSort(null);
          }}
        />
        {q.trim() && <Alert type="info" showIcon title={t('import.export.capped')} />}
        <Radio.Group value={format} onChange={(e) => setFormat(e.target.value)} aria-label={t('import.export.format')}>
          <Radio value="xlsx">{t('import.export.xlsx')}</Radio>
          <Radio value="csv">{t('import.export.csv')}</Radio>
        </Radio.Group>
        <div>
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
            {t('import.export.run')}
          </Button>
        </div>
        {busy && <ProgressBar progress={progress} />}
      </Flex>
    </Card>
  );
}
