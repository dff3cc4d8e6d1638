import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { useReportError } from '../../../shared/apiErrors';
import { formatMinute } from '../../../shared/format';
import { downloadAttachment } from './attachmentTransfer';
import { sizeText } from './sizeText';

type Attachment = VoucherDetail['attachments'][number];

/**
 * The voucher's files (evidence, and the invoice attached later): name, size, who added it, 下载.
 * `onHide` (the edit form): an evidence file may be taken off the voucher; its bytes stay kept.
 */
export function AttachmentList({ items, onHide }: { items: Attachment[]; onHide?: (id: number) => void }) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [busy, setBusy] = useState<number | null>(null);
  const columns: TableColumnsType<Attachment> = [
    { key: 'name', title: t('settlement.attachments.name'), dataIndex: 'fileName', ellipsis: { showTitle: true } },
    {
      key: 'role',
      title: t('settlement.attachments.role'),
      width: 90,
      render: (_, a) => (
        <Tag color={a.role === 'invoice' ? 'cyan' : 'default'}>{t(`settlement.attachments.roles.${a.role}`)}</Tag>
      ),
    },
    {
      key: 'size',
      title: t('settlement.attachments.size'),
      width: 100,
      align: 'right',
      render: (_, a) => sizeText(a.size),
    },
    {
      key: 'added',
      title: t('settlement.attachments.added'),
      width: 210,
      render: (_, a) => [formatMinute(a.addedAt), a.addedByName].filter(Boolean).join(' '),
    },
    {
      key: 'download',
      title: t('common.actions'),
      width: 90,
      render: (_, a) => (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          icon={<DownloadOutlined aria-hidden />}
          loading={busy === a.id}
          onClick={() => {
            setBusy(a.id);
            downloadAttachment(a.id)
              .catch(reportError)
              .finally(() => setBusy(null));
          }}
        >
          {t('settlement.attachments.download')}
        </Button>
      ),
    },
  ];
  if (onHide)
    columns.push({
      key: 'hide',
      title: '',
      width: 80,
      render: (_, a) =>
        a.role === 'evidence' && (
          <Button type="link" size="small" danger style={{ paddingInline: 0 }} onClick={() => onHide(a.id)}>
            {t('settlement.attachments.hide')}
          </Button>
        ),
    });
  return (
    <Table<Attachment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('settlement.attachments.none') }}
    />
  );
}
