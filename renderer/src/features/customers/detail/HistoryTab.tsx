import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { formatDateTime } from '../../../shared/format';
import { translateOr } from '../../../shared/translate';
import { usePaged } from '../../../shared/useCall';
import { importReason } from '../../audit/formatChanges';
import { useLookups } from '../../lookups/lookupsStore';
import { useUserOptions } from '../shared/useUserOptions';
import { changeLines } from './historyFormat';

type Entry = ChannelOutput<'customer.history'>['items'][number];
const PAGE_SIZE = 20;

/** 变更历史: who changed what and when (from the operation log), newest first. */
export function HistoryTab({ customerId, version }: { customerId: number; version: number }) {
  const { t } = useTranslation();
  const lookups = useLookups((s) => s.items);
  const users = useUserOptions((s) => s.items);
  // a new version means new history
  const history = usePaged(
    'customer.history',
    ({ page, pageSize }) => ({ id: customerId, page, pageSize }),
    { pageSize: PAGE_SIZE, refresh: version },
  );

  return (
    <Table<Entry>
      size="small"
      rowKey="id"
      loading={history.loading}
      dataSource={history.items}
      locale={{ emptyText: t('customers.history.empty') }}
      pagination={{
        ...history.pagination,
        hideOnSinglePage: true,
        showTotal: (n) => t('common.total', { total: n }),
        onChange: (page) => history.setPage(page),
      }}
      columns={[
        { key: 'at', title: t('customers.history.at'), width: 170, render: (_, e) => formatDateTime(e.at) },
        {
          key: 'user',
          title: t('customers.history.user'),
          width: 120,
          render: (_, e) => e.userName ?? t('common.empty'),
        },
        {
          key: 'action',
          title: t('customers.history.action'),
          width: 100,
          render: (_, e) => translateOr('customers.history.actions', e.action),
        },
        {
          key: 'changes',
          title: t('customers.history.changes'),
          render: (_, e) => {
            const lines = changeLines(e.changes, { lookups, users });
            if (lines.length === 0) return t('common.empty');
            return (
              <Flex vertical gap={2}>
                {lines.map((l) => (
                  <div key={l.field} className="kh-change-line">
                    <Typography.Text strong>{l.label}</Typography.Text>
                    {t('customers.history.colon')}
                    {!(e.action === 'create' && l.before === t('common.empty')) && (
                      <>
                        <Typography.Text type="secondary" delete={l.before !== t('common.empty')}>
                          {l.before}
                        </Typography.Text>
                        {' → '}
                      </>
                    )}
                    <Typography.Text>{l.after}</Typography.Text>
                  </div>
                ))}
              </Flex>
            );
          },
        },
        {
          key: 'reason',
          title: t('customers.history.reason'),
          width: 200,
          render: (_, e) => importReason({ ...e, entity: 'customer' }) ?? e.reason ?? t('common.empty'),
        },
      ]}
    />
  );
}
