import { Table, type TableColumnsType, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../electron/core/import/shared/import.contract';
import { translateKey } from '../../shared/translate';
import { usePaged } from '../../shared/useCall';

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
  // page 1 came with the validation; later pages are read from the core
  const more = usePaged(
    'customer.importIssues',
    ({ page, offset, limit }) => (page === 1 ? null : { uploadId, kind, offset, limit }),
    { pageSize: PAGE },
  );
  const { setPage } = more;
  // the rows shown stay until the next page's are there
  const items = more.page === 1 ? first : (more.data?.items ?? first);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new validation starts on page 1
  useEffect(() => {
    setPage(1);
  }, [first, setPage]);

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
      loading={more.loading}
      columns={columns}
      dataSource={items}
      pagination={{ current: more.page, pageSize: PAGE, total, showSizeChanger: false, onChange: (p) => setPage(p), showTotal: (n) => t('common.total', { total: n }) }}
    />
  );
}
