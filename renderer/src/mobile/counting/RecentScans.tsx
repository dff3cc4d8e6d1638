import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../errors';
import { scanLook, TONE_COLORS } from '../feedback';
import type { LocalScan } from '../offline/types';
import { shortTime } from '../time';

/** 最近扫描: each with the phone's or the server's classification and its state (等待同步 / 已同步 / 被拒绝). */
export function RecentScans({ scans, onOpen }: { scans: LocalScan[]; onOpen(scan: LocalScan): void }) {
  const { t } = useTranslation();
  return (
    <List header={t('m.count.recent')} aria-label={t('m.count.recent')}>
      {scans.length === 0 ? <List.Item>{t('m.count.noScans')}</List.Item> : null}
      {scans.map((s) => {
        const look = scanLook(s);
        const state =
          s.state === 'synced'
            ? t('m.state.synced')
            : s.state === 'refused'
              ? t('m.state.refused', { reason: refusalText(t, s.refusal) })
              : t('m.state.waiting');
        return (
          <List.Item
            key={s.clientId}
            data-testid="recent-scan"
            data-state={s.state}
            onClick={() => onOpen(s)}
            description={`${shortTime(s.scannedAt)} · ${s.userName}${look.name ? ` · ${look.name}` : ''}`}
            extra={
              <Tag
                color={s.state === 'synced' ? 'success' : s.state === 'refused' ? 'danger' : 'default'}
                fill="outline"
              >
                {state}
              </Tag>
            }
          >
            <span style={{ color: TONE_COLORS[look.tone].fg }}>
              {s.code} {t(look.key)}
            </span>
          </List.Item>
        );
      })}
    </List>
  );
}
