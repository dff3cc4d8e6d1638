import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../electron/core/users/shared/users.contract';
import { formatMinute } from '../../shared/format';

/** Active / disabled / locked until <local time>. */
export function UserStatus({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="default">{t('users.status.disabled')}</Tag>;
  if (user.lockedUntil) {
    return <Tag color="orange">{t('users.status.lockedUntil', { time: formatMinute(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="green">{t('users.status.active')}</Tag>;
}
