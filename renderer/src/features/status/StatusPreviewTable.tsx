import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import type { OpenItem, StatusAction } from '../../../../electron/core/status/shared/status.contract';
import { StatusTag } from './StatusTag';
import { openItemText, refusalText } from './statusTexts';

type PreviewItem = ChannelOutput<'customer.statusPreview'>['items'][number];

function OpenItems({ items }: { items: OpenItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return <Typography.Text type="secondary">{t('status.preview.noOpenItems')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={2}>
      {items.map((o) => (
        <Typography.Text key={o.kind} type="warning">
          {openItemText(o)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The customers a state change is about: code, name, current state, what is still open, refusals. */
export function StatusPreviewTable({
  items,
  loading,
  action,
}: {
  items: PreviewItem[];
  loading: boolean;
  action: StatusAction;
}) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <Table<PreviewItem>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={items.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      rowClassName={(r) => (r.refusal ? 'kh-status-refused' : '')}
      columns={[
        {
          key: 'code',
          title: t('status.preview.code'),
          width: 90,
          render: (_, r) => <span style={{ fontFamily: 'monospace' }}>{r.code}</span>,
        },
        {
          key: 'name',
          title: t('status.preview.name'),
          ellipsis: { showTitle: true },
          render: (_, r) => r.name,
        },
        {
          key: 'status',
          title: t('status.preview.status'),
          width: 120,
          render: (_, r) => (
            <Flex vertical gap={2} align="start">
              <StatusTag status={r.status} />
              {r.scheduledDate && (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('status.scheduledMark', { date: r.scheduledDate })}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          key: 'open',
          title: t('status.preview.openItems'),
          width: 170,
          render: (_, r) => <OpenItems items={r.openItems} />,
        },
        {
          key: 'refusal',
          title: t('status.preview.refusal'),
          width: 200,
          render: (_, r) => (
            <Typography.Text type={r.refusal ? 'danger' : 'secondary'}>
              {r.refusal ? refusalText(r, action) : empty}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
