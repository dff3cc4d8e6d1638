import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CustomerDetail } from '../../../../../electron/core/customers/shared/customers.contract';
import { ApiCallError } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { useCall } from '../../../shared/useCall';
import { hasPermission, useSession } from '../../../stores/session';
import { StatusActions } from '../../status/StatusActions';
import { StatusBanner } from '../../status/StatusBanner';
import { StatusHistoryTab } from '../../status/StatusHistoryTab';
import { useLookups } from '../../lookups/lookupsStore';
import { customerPaths } from '../../../shared/customerPaths';
import { StatusTag } from '../../status/StatusTag';
import { useUserOptions } from '../shared/useUserOptions';
import { DetailSections } from './DetailSections';
import { HistoryTab } from './HistoryTab';

type Tab = 'record' | 'history' | 'status';
const TABS: readonly Tab[] = ['record', 'history', 'status'];

/**
 * One customer (`/customers/:id`): its state (and the actions on it), the record read-only, its
 * change history and its state history (状态记录).
 */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const user = useSession((s) => s.user);
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'record';
  const [missing, setMissing] = useState(false);
  /** bumped after a state change: the history tabs read again */
  const [changes, setChanges] = useState(0);
  const loadLookups = useLookups((s) => s.load);
  const loadUsers = useUserOptions((s) => s.load);

  const { data, reload } = useCall(
    'customer.get',
    { id },
    {
      onError: (error) => {
        if (error instanceof ApiCallError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT'))
          setMissing(true);
        else reportError(error);
      },
    },
  );
  const customer: CustomerDetail | null = data ?? null;

  const afterChange = useCallback(() => {
    setChanges((n) => n + 1);
    void reload();
  }, [reload]);

  useEffect(() => {
    void loadLookups().catch(() => undefined);
    void loadUsers().catch(() => undefined);
  }, [loadLookups, loadUsers]);

  if (missing) {
    return (
      <Card>
        <Result
          status="404"
          title={t('errors.notFound')}
          extra={<Button onClick={() => navigate(customerPaths.list)}>{t('customers.detail.backToList')}</Button>}
        />
      </Card>
    );
  }
  if (!customer) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  // a retired record is history: only those who may retire customers may correct it (the core says so too)
  const canEdit =
    hasPermission(user, 'customer.edit') &&
    (customer.status !== 'deactivated' || hasPermission(user, 'customer.deactivate'));

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px 0' } }}>
        <Flex justify="space-between" align="start" gap={16}>
          <Flex align="start" gap={8} style={{ minWidth: 0 }}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined aria-hidden />}
              aria-label={t('customers.detail.backToList')}
              onClick={() => navigate(customerPaths.list)}
            />
            <div style={{ minWidth: 0 }}>
              <Flex align="center" gap={8} wrap>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {customer.name}
                </Typography.Title>
                <StatusTag status={customer.status} />
              </Flex>
              <Space size={12} style={{ marginTop: 4 }} wrap>
                <Tag bordered={false} style={{ fontFamily: 'monospace' }}>
                  {customer.code}
                </Tag>
                {customer.shortName && <Typography.Text type="secondary">{customer.shortName}</Typography.Text>}
                {customer.mnemonic && <Typography.Text type="secondary">{customer.mnemonic}</Typography.Text>}
              </Space>
            </div>
          </Flex>
          <Space wrap style={{ justifyContent: 'end' }}>
            <StatusActions
              customerId={customer.id}
              status={customer.status}
              merged={!!customer.statusInfo.mergedInto}
              onChanged={afterChange}
            />
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => navigate(customerPaths.labels([customer.id]))}
            >
              {t('customers.list.printLabels')}
            </Button>
            {canEdit && (
              <Button
                type="primary"
                icon={<EditOutlined aria-hidden />}
                onClick={() => navigate(customerPaths.edit(customer.id))}
              >
                {t('customers.detail.edit')}
              </Button>
            )}
          </Space>
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'record' ? {} : { tab: key }, { replace: true })}
          style={{ marginTop: 8, marginBottom: -1 }}
          items={[
            { key: 'record', label: t('customers.detail.recordTab') },
            { key: 'history', label: t('customers.detail.historyTab') },
            { key: 'status', label: t('customers.detail.statusTab') },
          ]}
        />
      </Card>
      <StatusBanner customerId={customer.id} info={customer.statusInfo} onChanged={afterChange} />
      {tab === 'record' && <DetailSections customer={customer} />}
      {tab === 'history' && (
        <Card size="small">
          <HistoryTab key={changes} customerId={customer.id} version={customer.version} />
        </Card>
      )}
      {tab === 'status' && (
        <Card size="small">
          <StatusHistoryTab key={changes} customerId={customer.id} />
        </Card>
      )}
    </>
  );
}
