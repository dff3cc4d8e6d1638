import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';
import { CountingScreen } from './screens/CountingScreen';
import { SignInScreen } from './screens/SignInScreen';
import { StocktakeListScreen } from './screens/StocktakeListScreen';
import { StorageBanner } from './screens/StorageBanner';
import { UpdateBanner } from './screens/UpdateBanner';
import { loadSession } from './session';
import { useMobile } from './state';
import { startSyncLoop } from './syncService';

/** The phone page: sign in → choose a stocktake → count. The stocktake chosen is kept over reloads. */
export function App() {
  const { i18n } = useTranslation();
  const user = useMobile((s) => s.user);
  const needSignIn = useMobile((s) => s.needSignIn);
  const stocktakeId = useMobile((s) => s.stocktakeId);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    void loadSession().then(({ user: u, offline }) => {
      useMobile.setState({ user: u, offline });
      if (u) setLanguage(u.locale);
      setReady(true);
    });
  }, []);
  const userId = user?.id;
  useEffect(() => (userId ? startSyncLoop() : undefined), [userId]);

  let screen = (
    <div className="m-page m-pad" aria-busy="true">
      <DotLoading />
    </div>
  );
  if (ready) {
    if (!user || needSignIn) screen = <SignInScreen again={needSignIn} />;
    else if (stocktakeId) screen = <CountingScreen key={stocktakeId} stocktakeId={stocktakeId} />;
    else screen = <StocktakeListScreen />;
  }
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <UpdateBanner />
      {ready && user && !needSignIn ? <StorageBanner /> : null}
      {screen}
    </ConfigProvider>
  );
}
