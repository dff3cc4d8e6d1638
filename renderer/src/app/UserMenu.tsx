import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useSession } from '../stores/session';

/** The signed-in user's name with a menu: change password, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const [changing, setChanging] = useState(false);

  const logout = async () => {
    try {
      await call('auth.logout', {});
    } catch {
      // the session may already be gone; signing out locally is what matters
    }
    useSession.getState().signOut();
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('auth.userMenu.changePassword') },
            { type: 'divider' },
            { key: 'logout', label: t('auth.userMenu.logout') },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'logout') void logout();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined aria-hidden />}>
          {user?.displayName}
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
