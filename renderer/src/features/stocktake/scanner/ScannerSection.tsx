import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScannerSettingsForm } from './ScannerSettingsForm';
import { ScannerTest } from './ScannerTest';

/** The scanner's place in 设置 (and wherever a page offers it): this PC's settings beside the scanner test. */
export function ScannerSection() {
  const { t } = useTranslation();
  return (
    <Row gutter={[32, 24]}>
      <Col xs={24} lg={10}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('stocktake.scanner.settings.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('stocktake.scanner.settings.intro')}</Typography.Paragraph>
        <ScannerSettingsForm />
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('stocktake.scanner.test.title')}
        </Typography.Title>
        <ScannerTest />
      </Col>
    </Row>
  );
}
