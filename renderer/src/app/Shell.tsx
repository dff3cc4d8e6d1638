import { Flex, Layout, Menu, Typography, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLookupsFollow } from '../features/lookups/lookupsStore';
import { hasPermission, useSession } from '../stores/session';
import { BackupStatusBar, useBackupStatusRefresh } from './BackupStatusBar';
import { LanguageSwitch } from './LanguageSwitch';
import { visibleNav } from './nav';
import { PageLoading } from './PageLoading';
import { useReviewStatusRefresh } from './ReviewBadge';
import { ServerTag } from './ServerTag';
import { SessionWatcher } from './SessionWatcher';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header (title, language, user menu), sider menu, page. */
export function Shell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const user = useSession((s) => s.user);
  const navigate = useNavigate();
  const location = useLocation();
  const entries = visibleNav(user);
  useReviewStatusRefresh(
    entries.some((e) => e.key === 'review'),
    user?.id,
  );
  const canManageBackups = hasPermission(user, 'system.backup');
  useBackupStatusRefresh(user?.id, canManageBackups);
  useLookupsFollow();
  const selected = entries.find(
    (e) => location.pathname === `/${e.path}` || location.pathname.startsWith(`/${e.path}/`),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 24,
        }}
      >
        <Flex align="center" justify="space-between" style={{ height: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <Flex align="center" gap={16}>
            <ServerTag />
            <BackupStatusBar canManage={canManageBackups} />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout hasSider>
        {entries.length > 0 && (
          <Layout.Sider
            width={200}
            style={{ background: token.colorBgContainer, borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Menu
              mode="inline"
              aria-label={t('nav.menu')}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
              selectedKeys={selected ? [selected.key] : []}
              items={entries.map((e) => {
                const Icon = e.icon;
                const label = t(e.labelKey);
                return {
                  key: e.key,
                  icon: <Icon aria-hidden />,
                  label: e.badge ? <e.badge label={label} /> : label,
                };
              })}
              onClick={({ key }) => {
                const entry = entries.find((e) => e.key === key);
                if (entry) navigate(`/${entry.path}`);
              }}
            />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {/* the pages load on their first visit (lazyPage): the shell stays while they do */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <SessionWatcher />
    </Layout>
  );
}
