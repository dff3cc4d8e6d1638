import { Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../electron/core/import/shared/import.contract';
import { call } from '../../api/index';
import { useReportError } from '../../shared/apiErrors';
import { translateKey } from '../../shared/translate';

interface Props {
  uploadId: string;
  kind: 'error' | 'warning';
  /** the first page, as the validation returned it */
  first: ImportIssue[];
  total: number;
}

const PAGE = 100;

/** Errors (or warnings) by row, column and reason; further pages fetched from the core. */
export function IssuesTable({ uploadId, kind, first, total }: Props) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [page, setPage] = useState(1);
  const [items, setItems] = useState(first);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setPage(1);
    setItems(first);
  }, [first]);

  const load = async (p: number) => {
    setPage(p);
    if (p === 1) return setItems(first);
    setLoading(true);
    try {
      setItems((await call('customer.importIssues', { uploadId, kind, offset: (p - 1) * PAGE, limit: PAGE })).items);
    } catch (error) {
      reportError(error);
    } finally {
      setLoading(false);
    }
  };

  const renderValue = (value: string | null) => {
    if (value != null) return value;
    return <Typography.Text type="secondary">{t('import.issues.blank')}</Typography.Text>;
  };

  const columns: TableColumnsType<ImportIssue> = [
    { key: 'row', title: t('import.issues.row'), width: 110, render: (_v, r) => t('import.issues.rowN', { row: r.row }) },
    { key: 'column', title: t('import.issues.column'), width: 200, render: (_v, r) => r.column ?? t('common.empty') },
    {
      key: 'value',
      title: t('import.issues.value'),
      width: 220,
      ellipsis: true,
      render: (_v, r) => renderValue(r.value),
    },
    { key: 'reason', title: t('import.issues.reason'), render: (_v, r) => translateKey(r.messageKey, r.params) },
  ];

  return (
    <Table<ImportIssue>
      rowKey={(r) => `${r.row}:${r.column}:${r.messageKey}`}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={{ current: page, pageSize: PAGE, total, showSizeChanger: false, onChange: (p) => void load(p), showTotal: (n) => t('common.total', { total: n }) }}
    />
  );
}
