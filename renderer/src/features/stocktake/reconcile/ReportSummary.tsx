import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { translateOr } from '../../../shared/translate';
import { percent } from './reconcileRules';
import type { ReportSummaryData } from './reportText';

type CategoryRow = ReportSummaryData['byCategory'][number];

/** 汇总: expected / counted / completion, each section's count, the adjustments made, per category. */
export function ReportSummary({ summary }: { summary: ReportSummaryData }) {
  const { t } = useTranslation();
  const { stocktake: s, counts, byCategory, adjusted } = summary;
  const empty = t('common.empty');
  const madeAdjustments = Object.entries(adjusted).filter(([, n]) => n > 0);

  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col span={12}>
        <Card size="small" title={t('stocktake.reconcile.summary.title')} style={{ height: '100%' }}>
          <Row gutter={[16, 12]}>
            <Col span={8}>
              <Statistic title={t('stocktake.reconcile.summary.expected')} value={s.expectedCount} />
            </Col>
            <Col span={8}>
              <Statistic title={t('stocktake.reconcile.summary.counted')} value={s.countedCount} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('stocktake.reconcile.summary.rate')}
                value={percent(s.countedCount, s.expectedCount) ?? empty}
              />
            </Col>
            {REPORT_SECTIONS.map((key) => (
              <Col span={6} key={key}>
                <Statistic
                  title={t(`stocktake.reconcile.sections.${key}`)}
                  value={counts[key] ?? 0}
                  styles={{ content: { fontSize: 18 } }}
                />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('stocktake.reconcile.summary.adjusted')}
            {t('customers.history.colon')}
            {madeAdjustments.length === 0
              ? t('stocktake.reconcile.summary.adjustedNone')
              : madeAdjustments.map(([action, n]) => (
                  <Tag key={action} style={{ marginInlineStart: 4 }}>
                    {translateOr('stocktake.reconcile.adjusted', action)} {n}
                  </Tag>
                ))}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title={t('stocktake.reconcile.summary.byCategory')} style={{ height: '100%' }}>
          <Table<CategoryRow>
            size="small"
            rowKey={(r) => r.categoryId ?? 0}
            dataSource={byCategory}
            pagination={false}
            scroll={{ y: 220 }}
            columns={[
              {
                key: 'category',
                title: t('stocktake.reconcile.summary.category'),
                render: (_, r) => r.categoryName ?? t('stocktake.reconcile.summary.noCategory'),
                ellipsis: true,
              },
              {
                key: 'expected',
                title: t('stocktake.reconcile.summary.expected'),
                dataIndex: 'expected',
                align: 'right',
                width: 90,
              },
              {
                key: 'counted',
                title: t('stocktake.reconcile.summary.counted'),
                dataIndex: 'counted',
                align: 'right',
                width: 90,
              },
              {
                key: 'missing',
                title: t('stocktake.reconcile.summary.missing'),
                align: 'right',
                width: 90,
                render: (_, r) => Math.max(0, r.expected - r.counted),
              },
              {
                key: 'rate',
                title: t('stocktake.reconcile.summary.rate'),
                align: 'right',
                width: 80,
                render: (_, r) => percent(r.counted, r.expected) ?? empty,
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
