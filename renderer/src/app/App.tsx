import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { useWindowTitle, windowTitle } from './windowTitle';

/**
 * The hash router as a data router (so pages can block leaving: useBlocker). One splat route
 * hands every URL to AppRoutes, whose <Routes> match them as before: the URLs are unchanged.
 */
const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);

/**
 * The hash router; antd's providers are inside it, around every screen but sign-in
 * (AntdScreens.tsx): the sign-in screen runs no antd code.
 */
export function App() {
  const { t } = useTranslation();
  const suffix = useWindowTitle((s) => s.suffix);
  const title = windowTitle(t('app.title'), suffix);

  useEffect(() => {
    document.title = title;
  }, [title]);

  return <RouterProvider router={router} />;
}
