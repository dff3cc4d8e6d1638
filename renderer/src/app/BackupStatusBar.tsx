import { WarningOutlined } from '@ant-design/icons';
import { Badge, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { BackupProgress } from '../../../electron/core/backup/shared/backup.contract';
import { connectEvents } from '../api';
import { ageText, hoursSince, isStale } from '../features/backup/backupFormat';
import { BACKUP_PROGRESS_EVENT, isFinalStep, useBackupStatus } from '../features/backup/backupStatusStore';
import { formatMinute } from '../shared/format';
import { useWindowTitle } from './windowTitle';

/**
 * The clock: a render each minute, so ages ("3 小时前") and the stale warning move on without a
 * call; read at every render (a status that just arrived is aged against the time it arrived).
 */
export function useMinuteClock(): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  return Date.now();
}

/**
 * Keeps the backup status fresh for every signed-in user: at sign-in, on moving to another
 * section, when the window gets the focus again and when a backup ends (backup.progress, sent
 * to users with system.backup, who also see its progress). No polling timer: a call counts as
 * activity and would keep an idle session alive; the age is re-read from the clock each minute.
 */
export function useBackupStatusRefresh(userId: number | undefined, seesProgress: boolean) {
  const location = useLocation();
  const section = location.pathname.split('/')[1] ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again for each user and each section visited
  useEffect(() => {
    if (userId === undefined) {
      useBackupStatus.getState().clear();
      return;
    }
    void useBackupStatus.getState().refresh();
  }, [userId, section]);

  useEffect(() => {
    const onFocus = () => void useBackupStatus.getState().refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  useEffect(() => {
    if (!seesProgress) return;
    return connectEvents({
      [BACKUP_PROGRESS_EVENT]: (payload) => {
        const p = payload as BackupProgress;
        const store = useBackupStatus.getState();
        store.setProgress(p);
        if (isFinalStep(p)) void store.refresh();
      },
    });
  }, [seesProgress]);
}

/**
 * "上次备份：今天 18:00（3 小时前）" in the header, for every signed-in user; a warning colour and
 * words when it is older than the setting allows (or there is none). Also in the window title.
 * Users who may manage backups reach the page by clicking it.
 */
export function BackupStatusBar({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useBackupStatus((s) => s.status);
  const now = useMinuteClock();
  const stale = status ? isStale(status, now) : false;
  const age = status?.lastGoodAt ? ageText(hoursSince(status.lastGoodAt, now)) : null;
  const text = !status ? null : age ? t('backup.bar.last', { age }) : t('backup.bar.none');

  useEffect(() => {
    useWindowTitle.setState({ suffix: text });
    return () => useWindowTitle.setState({ suffix: null });
  }, [text]);

  if (!status || !text) return null;
  const title = status.lastGoodAt
    ? t('backup.bar.lastTitle', { time: formatMinute(status.lastGoodAt) })
    : t('backup.bar.noneTitle');
  const warning = stale ? t('backup.bar.staleTitle', { days: status.warnAfterDays }) : null;
  return (
    <Tooltip title={warning ? `${title} ${warning}` : title}>
      <Typography.Text
        type={stale ? 'warning' : 'secondary'}
        data-testid="backup-status-bar"
        data-stale={stale ? 'true' : 'false'}
        style={{ cursor: canManage ? 'pointer' : undefined, fontSize: 13, whiteSpace: 'nowrap' }}
        onClick={canManage ? () => navigate('/backup') : undefined}
      >
        <Flex align="center" gap={4}>
          {stale && <WarningOutlined aria-hidden />}
          <span>{text}</span>
          {stale && <span>{t('backup.bar.stale')}</span>}
        </Flex>
      </Typography.Text>
    </Tooltip>
  );
}

/**
 * The menu text of 备份与恢复, with a red dot while the second location cannot be reached (a dot:
 * the entry's text fills the menu's width; the page says why in words).
 */
export function BackupMenuLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const unreachable = useBackupStatus((s) => s.status?.secondLocation?.reachable === false);
  if (!unreachable) return label;
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <span>{label}</span>
      <Tooltip title={t('backup.badge.unreachableTitle')} placement="right">
        <Badge status="error" aria-label={t('backup.badge.unreachableTitle')} data-testid="backup-badge" />
      </Tooltip>
    </Flex>
  );
}
