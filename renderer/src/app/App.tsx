import { App as AntApp, ConfigProvider } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { antdLocale, currentLocale } from './locale';

/** Providers: antd (locale follows the UI language), antd's App context, the hash router. */
export function App() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('app.title');

  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <ConfigProvider locale={antdLocale(locale)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <HashRouter>
          <AppRoutes />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  );
}
