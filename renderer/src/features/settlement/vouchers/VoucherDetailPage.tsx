import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCall } from '../../../shared/useCall';
import { AttachmentList } from '../attachments/AttachmentList';
import { settlementPaths } from '../settlementPaths';
import { VoucherActions } from './VoucherActions';
import { VoucherFacts } from './VoucherFacts';
import { VoucherLinesView } from './VoucherLinesView';
import { AllocationsTable, FollowUpsTable, NoticesTable } from './VoucherRecords';
import { VoucherStatusTag } from './VoucherStatusTag';

/** One voucher: its facts, lines, files, payments, notices, follow-ups, and what may be done now. */
export function VoucherDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const read = useCall('settlement.voucher', { id });
  const v = read.data?.id === id ? read.data : undefined;
  if (!v) {
    return (
      <Card>
        <Spin />
      </Card>
    );
  }
  const section = (title: string, body: React.ReactNode) => (
    <section style={{ marginTop: 20 }}>
      <Typography.Title level={5} style={{ marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {body}
    </section>
  );
  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      <Flex justify="space-between" align="start" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Button
            icon={<ArrowLeftOutlined aria-hidden />}
            aria-label={t('settlement.voucher.back')}
            onClick={() => navigate(settlementPaths.vouchers)}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(v.kind === 'reversal' ? 'settlement.voucher.reversalTitle' : 'settlement.voucher.title', { no: v.no })}
          </Typography.Title>
          <VoucherStatusTag status={v.status} />
          {v.invoiced && <Tag color="cyan">{t('settlement.voucher.invoicedTag')}</Tag>}
        </Flex>
        <VoucherActions voucher={v} onChanged={read.setData} reload={() => void read.reload()} />
      </Flex>
      <VoucherFacts voucher={v} />
      {section(t('settlement.voucher.lines'), <VoucherLinesView voucher={v} />)}
      {section(t('settlement.voucher.attachments'), <AttachmentList items={v.attachments} />)}
      {(v.status === 'approved' || v.status === 'settled') && (
        <>
          {section(t('settlement.voucher.records.allocations'), <AllocationsTable items={v.allocations} />)}
          {section(t('settlement.voucher.records.notices'), <NoticesTable items={v.notices} />)}
          {section(t('settlement.voucher.records.followUps'), <FollowUpsTable items={v.followUps} />)}
        </>
      )}
    </Card>
  );
}
