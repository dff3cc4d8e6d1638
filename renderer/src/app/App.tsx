import { App as AntApp, ConfigProvider } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { antdLocale, currentLocale } from './locale';
import { useWindowTitle, windowTitle } from './windowTitle';

/**
 * The hash router as a data router (so pages can block leaving: useBlocker). One splat route
 * hands every URL to AppRoutes, whose <Routes> match them as before: the URLs are unchanged.
 */
const router = createHashRouter([{ path: '*', element: <AppRoutes /> }]);

/**
 * antd's styles come prebuilt (antd/dist/antd.css, imported in main.tsx): components do not
 * generate and insert their CSS at run time, which took about a third of the sign-in screen's
 * first render. The default theme only: the prebuilt file holds its tokens.
 */
const THEME = { zeroRuntime: true } as const;

/** Providers: antd (locale follows the UI language), antd's App context, the hash router. */
export function App() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const suffix = useWindowTitle((s) => s.suffix);
  const title = windowTitle(t('app.title'), suffix);

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <ConfigProvider theme={THEME} locale={antdLocale(locale)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}
