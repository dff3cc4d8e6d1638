import { Button, List, NavBar, NoticeBar, ProgressBar, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import { call, isNetworkError } from '../api';
import { refusalText } from '../errors';
import { mobileDb } from '../offline/db';
import { type DownloadInfo, downloadExpected } from '../offline/download';
import { rememberUser } from '../session';
import { chooseStocktake, useMobile } from '../state';
import { shortTime } from '../time';

type Summary = ChannelOutput<'stocktake.list'>['items'][number];
interface Item {
  id: number;
  no: string;
  name: string;
  status: string;
  expectedCount: number;
  countedCount: number | null;
  mine: boolean;
  downloaded: DownloadInfo | null;
}

/** 选择盘点单: the counting ones, mine first (assigned to me or created by me); offline, the downloaded ones. */
export function StocktakeListScreen() {
  const { t } = useTranslation();
  const user = useMobile((s) => s.user)!;
  const [items, setItems] = useState<Item[] | null>(null);
  const [offlineList, setOfflineList] = useState(false);
  const [progress, setProgress] = useState<{ id: number; rows: number; total: number } | null>(null);

  const load = useCallback(async () => {
    const db = mobileDb();
    const metas = await db.meta.where('key').startsWith('download:').toArray();
    const downloads = new Map(metas.map((m) => [Number(m.key.slice(9)), m.value as DownloadInfo]));
    const r = await call('stocktake.list', { status: ['counting', 'reconciling'], pageSize: 200 });
    if (!r.ok) {
      useMobile.setState({ offline: isNetworkError(r) });
      setOfflineList(true);
      setItems(
        [...downloads].map(([id, d]) => ({
          id,
          no: d.no,
          name: d.name,
          status: d.status,
          expectedCount: d.expectedCount,
          countedCount: null,
          mine: false,
          downloaded: d,
        })),
      );
      return;
    }
    useMobile.setState({ offline: false });
    setOfflineList(false);
    const mine = (s: Summary) => s.assignee?.id === user.id || s.createdByName === user.displayName;
    const list = r.data.items.map((s) => ({
      id: s.id,
      no: s.no,
      name: s.name,
      status: s.status,
      expectedCount: s.expectedCount,
      countedCount: s.countedCount,
      mine: mine(s),
      downloaded: downloads.get(s.id) ?? null,
    }));
    list.sort(
      (a, b) =>
        Number(b.mine) - Number(a.mine) || (a.status === 'counting' ? -1 : 1) - (b.status === 'counting' ? -1 : 1),
    );
    setItems(list);
  }, [user.id, user.displayName]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = async (item: Item) => {
    if (progress) return;
    setProgress({ id: item.id, rows: 0, total: item.expectedCount });
    const r = await downloadExpected(mobileDb(), item.id, (rows, total) => setProgress({ id: item.id, rows, total }));
    setProgress(null);
    if (!r.ok && !item.downloaded) {
      Toast.show({ content: t('m.list.downloadFailed', { reason: refusalText(t, r.error) }) });
      return;
    }
    chooseStocktake(item.id);
  };

  const signOut = async () => {
    await call('auth.logout', {});
    rememberUser(null);
    useMobile.setState({ user: null });
  };

  return (
    <div className="m-page">
      <NavBar
        back={null}
        right={
          <Button size="mini" fill="none" onClick={() => void load()}>
            {t('m.list.refresh')}
          </Button>
        }
      >
        {t('m.list.title')}
      </NavBar>
      {offlineList ? <NoticeBar wrap color="info" content={t('m.list.offlineList')} /> : null}
      {progress ? (
        <div className="m-pad" role="status">
          <div>{t('m.list.downloading', { rows: progress.rows, total: progress.total })}</div>
          <ProgressBar percent={progress.total ? (100 * progress.rows) / progress.total : 0} />
        </div>
      ) : null}
      <List>
        {items?.length === 0 ? <List.Item>{t('m.list.empty')}</List.Item> : null}
        {items?.map((s) => (
          <List.Item
            key={s.id}
            onClick={() => void open(s)}
            title={s.no}
            description={
              <span>
                {t('m.list.expected', { count: s.expectedCount })}
                {s.countedCount !== null ? ` · ${t('m.list.counted', { count: s.countedCount })}` : ''}
                {' · '}
                {s.downloaded
                  ? t('m.list.downloaded', { time: shortTime(s.downloaded.at) })
                  : t('m.list.notDownloaded')}
              </span>
            }
            extra={
              <span>
                {s.mine ? <Tag color="primary">{t('m.list.mine')}</Tag> : null}{' '}
                <Tag color={s.status === 'counting' ? 'success' : 'warning'}>
                  {t(s.status === 'counting' ? 'm.list.statusCounting' : 'm.list.statusReconciling')}
                </Tag>
              </span>
            }
          >
            {s.name}
          </List.Item>
        ))}
      </List>
      <div className="m-pad m-muted">
        {t('m.signIn.signedInAs', { name: user.displayName })}{' '}
        <Button size="mini" onClick={() => void signOut()}>
          {t('m.signIn.signOut')}
        </Button>
      </div>
    </div>
  );
}
