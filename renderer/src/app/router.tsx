// antd's prebuilt styles of every component the sign-in screen does not use (build/antd-css.mts)
import 'virtual:antd-rest.css';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { HomePage } from '../features/home/HomePage';
import { hasPermission, useSession } from '../stores/session';
import { AlreadyDoneNotice } from './AlreadyDoneNotice';
import { ConnectionBanner } from './ConnectionBanner';
import { EXTRA_ROUTES } from './extraRoutes';
import { PageLoading } from './PageLoading';
import { ReauthModal } from './ReauthModal';
import { landingPath, visibleNav } from './nav';
import { Shell } from './Shell';

/**
 * Routes of a signed-in user. Only pages the user may see get a route; any other path
 * (including a page whose permission the user lacks) redirects to the landing page.
 * A menu entry's page owns everything below its path (`customers/*`).
 */
export function SignedInRoutes() {
  const user = useSession((s) => s.user);
  const entries = visibleNav(user);
  const extras = EXTRA_ROUTES.filter((r) => r.permissions.some((p) => hasPermission(user, p)));
  return (
    <>
      <ConnectionBanner />
      <ReauthModal />
      <AlreadyDoneNotice />
      <Routes>
        {extras
          .filter((r) => r.bare)
          .map(({ path, page: Page }) => (
            <Route
              key={path}
              path={path}
              element={
                <Suspense fallback={<PageLoading />}>
                  <Page />
                </Suspense>
              }
            />
          ))}
        <Route element={<Shell />}>
          <Route index element={<Navigate to={landingPath(user)} replace />} />
          <Route path="home" element={<HomePage />} />
          {entries.map((e) => {
            const Page = e.page;
            return Page ? <Route key={e.key} path={`${e.path}/*`} element={<Page />} /> : null;
          })}
          {extras
            .filter((r) => !r.bare)
            .map(({ path, page: Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </>
  );
}
