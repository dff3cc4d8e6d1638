import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/connection';
import { servedFrom } from './servedFrom';

/**
 * The banner while the server does not answer: the page is asked again every few seconds; what
 * is typed stays in its form, and a save already pressed is made when the server answers again.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const reachable = useConnection((s) => s.reachable);
  if (reachable) return null;
  const server = servedFrom();
  return (
    <Alert
      className="kh-connection-banner"
      banner
      type="error"
      role="alert"
      title={server ? t('connection.lostServer', { server }) : t('connection.lostLocal')}
      description={t('connection.keepTyping')}
    />
  );
}
