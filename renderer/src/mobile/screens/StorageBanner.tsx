import { Button, NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface InstallPrompt extends Event {
  prompt(): Promise<void>;
}

const isIos = () =>
  /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
const standalone = () =>
  window.matchMedia?.('(display-mode: standalone)').matches ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true;

/**
 * Asks the browser to keep this page's storage (navigator.storage.persist()); when it will not
 * (or on iOS Safari outside the home screen, which clears site data after 7 days unused), warns
 * that unsynced scans may be lost and asks to add the page to the home screen: Android's install
 * prompt (beforeinstallprompt), or the iOS steps 分享 → 添加到主屏幕.
 */
export function StorageBanner() {
  const { t } = useTranslation();
  const [warn, setWarn] = useState(false);
  const [prompt, setPrompt] = useState<InstallPrompt | null>(null);
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem('kehu-m-storage-ok') === '1');

  useEffect(() => {
    const onPrompt = (e: Event) => {
      e.preventDefault();
      setPrompt(e as InstallPrompt);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    void (async () => {
      let persisted = false;
      try {
        persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
      } catch {
        persisted = false;
      }
      setWarn(!persisted || (isIos() && !standalone()));
    })();
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);

  if (!warn || dismissed) return null;
  return (
    <NoticeBar
      wrap
      color="alert"
      data-testid="storage-warning"
      content={
        <div>
          <div>{t('m.storage.warn')}</div>
          {isIos() ? <div>{t('m.storage.ios')}</div> : null}
          <div style={{ marginTop: 6, display: 'flex', gap: 8 }}>
            {prompt ? (
              <Button size="mini" color="primary" onClick={() => void prompt.prompt().finally(() => setPrompt(null))}>
                {t('m.storage.install')}
              </Button>
            ) : null}
            <Button
              size="mini"
              onClick={() => {
                sessionStorage.setItem('kehu-m-storage-ok', '1');
                setDismissed(true);
              }}
            >
              {t('m.storage.dismiss')}
            </Button>
          </div>
        </div>
      }
    />
  );
}
