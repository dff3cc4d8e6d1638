import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { useStorageFault } from '../stores/storageFault';
import { BootFailed } from './BootFailed';
import { boot } from './boot';
import { BootScreen } from './BootScreen';
import { type AppLocale, currentLocale } from './locale';
import { loadFeatureTexts } from './texts';

// The signed-in app (shell, menu, routes), setup and the fault page are chunks of their own.
export const loadSignedIn = () => Promise.all([import('./router'), loadFeatureTexts(currentLocale())]).then(([m]) => m);
const SignedInRoutes = lazy(() => loadSignedIn().then((m) => ({ default: m.SignedInRoutes })));
// setup is shown once, on the first start
const SetupPage = lazy(() => import('../features/auth/SetupPage').then((m) => ({ default: m.SetupPage })));
const StorageFaultPage = lazy(() => import('./StorageFaultPage').then((m) => ({ default: m.StorageFaultPage })));

/**
 * antd's styles come prebuilt (antd/dist/antd.css, imported in main.tsx and the lazy screens):
 * components do not generate and insert their CSS at run time, which took about a third of a
 * screen's first render. The default theme only: the prebuilt file holds its tokens.
 */
const THEME = { zeroRuntime: true } as const;
const ANTD_LOCALE: Record<AppLocale, Locale> = { 'zh-CN': zhCN, en: enUS };

/**
 * Every screen but sign-in, inside antd's providers (locale follows the UI language; antd's App
 * context for messages and modals). A chunk of its own: the sign-in screen draws without antd's
 * code (features/auth/plainAntd.tsx) and this loads while the person types.
 */
export function AntdScreens() {
  // re-rendered when the language changes, so antd's locale follows it
  useTranslation();
  const phase = useSession((s) => s.phase);
  // found at start, or by any call later (api/client.ts asks system.fault)
  const fault = useStorageFault((s) => s.fault);
  let screen: ReactNode;
  if (fault) screen = <StorageFaultPage fault={fault} />;
  else if (phase === 'bootFailed') screen = <BootFailed onRetry={() => void boot()} />;
  else if (phase === 'setup') screen = <SetupPage />;
  else screen = <SignedInRoutes />;
  return (
    <ConfigProvider theme={THEME} locale={ANTD_LOCALE[currentLocale()]} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Suspense fallback={<BootScreen />}>{screen}</Suspense>
      </AntApp>
    </ConfigProvider>
  );
}
