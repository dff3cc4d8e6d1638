import { Alert, Drawer, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ScannerSection } from '../scanner/ScannerSection';

interface Props {
  open: boolean;
  onClose: () => void;
  /** the drawer is gone (the scan field takes the focus back) */
  afterClose: () => void;
}

/**
 * 扫码枪测试 on the counting screen, for anyone who counts (设置 needs settings.manage): this PC's
 * scanner settings beside the scanner test. While it is open the page's capture is off, so every
 * burst goes to the test and none is counted in the stocktake (the text says so).
 */
export function ScannerTestDrawer({ open, onClose, afterClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      title={t('stocktake.counting.scannerTest.title')}
      size={960}
      destroyOnHidden
    >
      <Flex vertical gap={16} data-testid="scanner-test-drawer">
        <Alert type="info" showIcon title={t('stocktake.counting.scannerTest.excluded')} />
        <ScannerSection />
      </Flex>
    </Drawer>
  );
}
