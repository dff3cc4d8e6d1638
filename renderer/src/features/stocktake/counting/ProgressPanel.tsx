import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeProgress } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { percentCounted } from '../list/scopeText';

/** The counters an answer carries (scan or undo): fresher than `progress` during a burst. */
export type LiveCounters = Pick<StocktakeProgress, 'expected' | 'counted' | 'scans' | 'unknown' | 'outOfScope'>;

interface Props {
  progress: StocktakeProgress | undefined;
  /** the newest answer's counters, when newer than `progress` */
  latest: LiveCounters | null;
}

/**
 * 进度: counted / expected, scans, unknown codes, out of scope (live, from the answers), and per
 * category and per counter (from the page's read, once a burst pauses).
 */
export const ProgressPanel = memo(function ProgressPanel({ progress, latest }: Props) {
  const { t } = useTranslation();
  const now = latest ?? progress;
  const counted = now?.counted ?? 0;
  const expected = now?.expected ?? 0;
  return (
    <Card size="small" title={t('stocktake.counting.progress.title')} data-testid="progress">
      <Flex vertical gap={8}>
        <Statistic
          value={counted}
          suffix={`/ ${expected}`}
          aria-label={t('stocktake.counting.progress.countedOf', { counted, expected })}
        />
        <Progress percent={percentCounted(counted, expected)} />
        <Flex gap={16} wrap>
          <Typography.Text type="secondary">
            {t('stocktake.counting.progress.scans', { count: now?.scans ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('stocktake.counting.progress.unknown', { count: now?.unknown ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('stocktake.counting.progress.outOfScope', { count: now?.outOfScope ?? 0 })}
          </Typography.Text>
        </Flex>
        <Breakdown progress={progress} />
      </Flex>
    </Card>
  );
});

/** Per category and per counter: from the page's read (it changes once a burst pauses, not per answer). */
const Breakdown = memo(function Breakdown({ progress }: { progress: StocktakeProgress | undefined }) {
  const { t } = useTranslation();
  if (!progress) return null;
  return (
    <>
      {!!progress.byCategory.length && (
        <>
          <Typography.Text strong>{t('stocktake.counting.progress.byCategory')}</Typography.Text>
          <table className="st-mini-table">
            <tbody>
              {progress.byCategory.map((c) => (
                <tr key={c.categoryId ?? 'none'}>
                  <td>{c.categoryName ?? t('stocktake.counting.progress.noCategory')}</td>
                  <td className="st-num">
                    {c.counted} / {c.expected}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {!!progress.byCounter.length && (
        <>
          <Typography.Text strong>{t('stocktake.counting.progress.byCounter')}</Typography.Text>
          <table className="st-mini-table">
            <tbody>
              {progress.byCounter.map((c) => (
                <tr key={c.userId}>
                  <td>{c.userName}</td>
                  <td className="st-num">{t('stocktake.counting.progress.scans', { count: c.scans })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
});
