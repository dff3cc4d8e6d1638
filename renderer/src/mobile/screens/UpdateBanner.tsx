import { Button, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useMobile } from '../state';

/**
 * A new version of the page is ready (the server PC's app was updated): it takes over when the
 * clerk says so, never in the middle of a burst or a note being typed.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const apply = useMobile((s) => s.applyUpdate);
  if (!apply) return null;
  return (
    <NoticeBar
      wrap
      color="info"
      content={t('m.update.ready')}
      extra={
        <Button size="mini" color="primary" onClick={() => void apply()}>
          {t('m.update.apply')}
        </Button>
      }
    />
  );
}
