import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { visibleNav } from '../../app/nav';
import { translateOr } from '../../shared/translate';
import { useSession } from '../../stores/session';

/** Shown when no menu entry is available to the user (e.g. a clerk before customers exist). */
export function HomePage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const roles = user?.roles.map((r) => translateOr('role', r)).join(t('common.listSeparator'));
  return (
    <Card>
      <Typography.Title level={3}>{t('home.welcome', { name: user?.displayName ?? '' })}</Typography.Title>
      <Typography.Paragraph>{t('home.roles', { roles: roles || t('home.noRoles') })}</Typography.Paragraph>
      {visibleNav(user).length === 0 && (
        <Typography.Paragraph type="secondary">{t('home.noModules')}</Typography.Paragraph>
      )}
    </Card>
  );
}
