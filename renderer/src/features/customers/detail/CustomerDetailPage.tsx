import { ArrowLeftOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CustomerDetail } from '../../../../../electron/core/customers/customers.contract';
import { ApiCallError, call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { hasPermission, useSession } from '../../../stores/session';
import { useLookups } from '../../lookups/lookupsStore';
import { customerPaths } from '../paths';
import { StatusTag } from '../shared/StatusTag';
import { useUserOptions } from '../shared/useUserOptions';
import { DetailSections } from './DetailSections';
import { HistoryTab } from './HistoryTab';

/** One customer (`/customers/:id`): the record read-only and its change history. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const user = useSession((s) => s.user);
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'history' ? 'history' : 'record';
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const loadLookups = useLookups((s) => s.load);
  const loadUsers = useUserOptions((s) => s.load);

  const load = useCallback(async () => {
    try {
      setCustomer(await call('customer.get', { id }));
    } catch (error) {
      if (error instanceof ApiCallError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT'))
        setMissing(true);
      else reportError(error);
    }
  }, [id, reportError]);

  useEffect(() => {
    void load();
    void loadLookups().catch(() => undefined);
    void loadUsers().catch(() => undefined);
  }, [load, loadLookups, loadUsers]);

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
          <Space>
            <Button
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => navigate(customerPaths.labels([customer.id]))}
            >
              {t('customers.list.printLabels')}
            </Button>
            {hasPermission(user, 'customer.edit') && (
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
          onChange={(key) => setSearch(key === 'history' ? { tab: 'history' } : {}, { replace: true })}
          style={{ marginTop: 8, marginBottom: -1 }}
          items={[
            { key: 'record', label: t('customers.detail.recordTab') },
            { key: 'history', label: t('customers.detail.historyTab') },
          ]}
        />
      </Card>
      {tab === 'record' ? (
        <DetailSections customer={customer} />
      ) : (
        <Card size="small">
          <HistoryTab customerId={customer.id} version={customer.version} />
        </Card>
      )}
    </>
  );
}
