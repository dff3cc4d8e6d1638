import { ReloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A list's 刷新 button (icon only, named for screen readers, with its tooltip). */
export function RefreshButton({ onRefresh }: { onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('common.refresh')}>
      <Button icon={<ReloadOutlined aria-hidden />} aria-label={t('common.refresh')} onClick={onRefresh} />
    </Tooltip>
  );
}
