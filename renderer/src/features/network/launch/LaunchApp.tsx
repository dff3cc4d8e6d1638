import 'virtual:antd-rest.css';
import { GlobalOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import type { LaunchBridge, LauncherState } from '../../../../../electron/core/network/shared/launch-bridge';
import { applyLocale, currentLocale, otherLocale } from '../../../app/locale';
import { ChooseScreen } from './ChooseScreen';
import { ConnectScreen } from './ConnectScreen';
import { launchBridge } from './launchBridge';
import { OfflineScreen } from './OfflineScreen';

const THEME = { zeroRuntime: true } as const;

type Screen =
  | { name: 'loading' }
  | { name: 'choose' }
  /** `back`: the screen 返回 goes to (the first-run choice, or the offline page) */
  | { name: 'connect'; back: Screen; messageKey?: string }
  | ({ name: 'offline' } & Extract<LauncherState, { screen: 'offline' }>);

/**
 * The desktop app's launcher (issue 18), shown when the local page has `window.launch`: the
 * first-run choice (本机保存数据 / 连接到办公室服务器), the connect form, and a client PC's page
 * for a server that does not answer. The main process replaces this window once the choice is made
 * or the server answers.
 */
export function LaunchApp({ bridge }: { bridge: LaunchBridge }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });

  useEffect(() => {
    void bridge.state().then((s) => setScreen(s.screen === 'choose' ? { name: 'choose' } : { name: 'offline', ...s }));
  }, [bridge]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  let body = null;
  if (screen.name === 'choose')
    body = (
      <ChooseScreen
        onLocal={() => void bridge.chooseLocal()}
        onConnect={() => setScreen({ name: 'connect', back: { name: 'choose' } })}
      />
    );
  else if (screen.name === 'connect')
    body = (
      <ConnectScreen
        bridge={bridge}
        initialMessageKey={screen.messageKey}
        onBack={screen.messageKey === 'launch.errors.revoked' ? undefined : () => setScreen(screen.back)}
      />
    );
  else if (screen.name === 'offline')
    body = (
      <OfflineScreen
        bridge={bridge}
        server={screen.server}
        messageKey={screen.messageKey}
        onPairAgain={(messageKey) => setScreen({ name: 'connect', back: screen, messageKey })}
      />
    );

  return (
    <div className="kh-auth">
      <div className="kh-auth-top">
        <LanguageButton />
      </div>
      <div className="kh-auth-main">
        <h2 className="ant-typography kh-auth-title">{t('app.title')}</h2>
        {body}
      </div>
    </div>
  );
}

function LanguageButton() {
  const { t } = useTranslation();
  const other = otherLocale(currentLocale());
  return (
    <Button icon={<GlobalOutlined aria-hidden />} lang={other} onClick={() => applyLocale(other)}>
      {t('language.switchTo')}
    </Button>
  );
}

function Providers({ bridge }: { bridge: LaunchBridge }) {
  useTranslation(); // antd's locale follows the language
  return (
    <ConfigProvider theme={THEME} locale={currentLocale() === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>
        <LaunchApp bridge={bridge} />
      </AntApp>
    </ConfigProvider>
  );
}

/** Draws the launcher into the page's root (main.tsx, when `window.launch` exists). */
export function renderLauncher(root: HTMLElement): void {
  const bridge = launchBridge();
  if (!bridge) return;
  createRoot(root).render(
    <StrictMode>
      <Providers bridge={bridge} />
    </StrictMode>,
  );
}
