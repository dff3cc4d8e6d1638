import { Button, NoticeBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMobile } from '../state';
import { requestSyncAll } from '../syncService';
import { shortTime } from '../time';

/**
 * online / offline, 未同步 N, 上次同步, the 同步 button; another user's scans waiting. `waiting` is
 * null until the phone's database was read (nothing shown rather than a wrong 0).
 */
export function StatusBar({ waiting }: { waiting: number | null }) {
  const { t } = useTranslation();
  const offline = useMobile((s) => s.offline);
  const syncing = useMobile((s) => s.syncing);
  const lastSync = useMobile((s) => s.lastSync);
  const others = useMobile((s) => s.othersWaiting);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  const connected = online && !offline;
  return (
    <>
      <div className="m-bar m-pad" style={{ paddingBottom: 0 }}>
        <Tag color={connected ? 'success' : 'default'} data-testid="net-state">
          {connected ? t('m.count.online') : t('m.count.offline')}
        </Tag>
        <span className="m-big" data-testid="waiting-count" data-count={waiting ?? undefined}>
          {waiting === null ? null : t('m.count.waiting', { count: waiting })}
        </span>
        <span data-testid="last-sync">
          {lastSync ? t('m.count.lastSync', { time: shortTime(lastSync) }) : t('m.count.neverSynced')}
        </span>
        <Button
          size="small"
          color="primary"
          fill="outline"
          loading={syncing}
          onClick={() => void requestSyncAll()}
          style={{ marginLeft: 'auto' }}
        >
          {t('m.count.sync')}
        </Button>
      </div>
      {others > 0 ? <NoticeBar wrap color="info" content={t('m.count.othersWaiting', { count: others })} /> : null}
    </>
  );
}
