import { Alert, Button, Flex, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../../../electron/core/import/shared/import.contract';
import type { Mapping, Upload } from './types';

interface Props {
  upload: Upload;
  mapping: Mapping;
  mappingErrors: { field: string; messageKey: string }[];
  busy: boolean;
  onChange(mapping: Mapping): void;
  onBack(): void;
  onNext(): void;
}

interface ColumnRow {
  index: number;
  header: string;
  sample: string;
}

const IGNORE = '__ignore';

/** Step 2: which field each column of the file fills (suggested from the headers), and a preview. */
export function MappingStep({ upload, mapping, mappingErrors, busy, onChange, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const fieldLabel = (f: ImportField) => t(`import.fields.${f}`);
  const options = [
    { value: IGNORE, label: t('import.mapping.ignore') },
    ...IMPORT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  const rows: ColumnRow[] = upload.headers.map((header, index) => ({
    index,
    header,
    sample: upload.sampleRows.map((r) => r[index]).find((v) => v?.trim()) ?? '',
  }));

  const columns: TableColumnsType<ColumnRow> = [
    { key: 'header', title: t('import.mapping.fileColumn'), dataIndex: 'header', width: 220 },
    { key: 'sample', title: t('import.mapping.sample'), dataIndex: 'sample', ellipsis: true },
    {
      key: 'field',
      title: t('import.mapping.field'),
      width: 260,
      render: (_v, row) => (
        <Select
          aria-label={t('import.mapping.fieldOf', { column: row.header })}
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={mapping[row.index] ?? IGNORE}
          options={options}
          onChange={(v: string) => {
            const next = [...mapping];
            next[row.index] = v === IGNORE ? null : (v as ImportField);
            onChange(next);
          }}
        />
      ),
    },
  ];

  const previewColumns: TableColumnsType<string[]> = upload.headers.map((h, i) => ({
    key: String(i),
    title: h || t('import.mapping.unnamed', { n: i + 1 }),
    render: (_v, r) => r[i],
    ellipsis: true,
    width: 140,
  }));

  return (
    <Flex vertical gap={16}>
      <Typography.Text>
        {t('import.mapping.summary', { file: upload.fileName, rows: upload.rowCount, columns: upload.headers.length })}
      </Typography.Text>
      {mappingErrors.map((e) => (
        <Alert key={e.field + e.messageKey} type="error" showIcon title={t(e.messageKey, { field: fieldLabel(e.field as ImportField) })} />
      ))}
      <Table<ColumnRow> rowKey="index" size="small" columns={columns} dataSource={rows} pagination={false} />
      <Typography.Title level={5}>{t('import.mapping.preview')}</Typography.Title>
      <Table<string[]>
        rowKey={(_r, i) => String(i)}
        size="small"
        columns={previewColumns}
        dataSource={upload.sampleRows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Space>
        <Button onClick={onBack} disabled={busy}>
          {t('import.back')}
        </Button>
        <Button type="primary" onClick={onNext} loading={busy}>
          {t('import.mapping.check')}
        </Button>
      </Space>
    </Flex>
  );
}
