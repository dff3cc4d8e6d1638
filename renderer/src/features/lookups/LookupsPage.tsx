import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LOOKUP_KINDS, type LookupKind } from '../../../../electron/core/lookups/shared/lookups.contract';
import { useReportError } from '../../shared/apiErrors';
import { LookupKindTable } from './LookupKindTable';
import { useLookups } from './lookupsStore';

/** 基础资料: the managed lists of the customer record, one tab per list (lookup.manage). */
export function LookupsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const load = useLookups((s) => s.load);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('kind');
  const kind: LookupKind = (LOOKUP_KINDS as readonly string[]).includes(requested ?? '')
    ? (requested as LookupKind)
    : 'category';

  useEffect(() => {
    load(true).catch(reportError);
  }, [load, reportError]);

  return (
    <Card>
      <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined aria-hidden />}
          aria-label={t('lookups.back')}
          onClick={() => navigate('/customers')}
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('lookups.title')}
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginInlineStart: 40 }}>
        {t('lookups.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setSearch({ kind: k }, { replace: true })}
        items={LOOKUP_KINDS.map((k) => ({
          key: k,
          label: t(`lookups.kinds.${k}`),
          children: <LookupKindTable kind={k} />,
        }))}
      />
    </Card>
  );
}
