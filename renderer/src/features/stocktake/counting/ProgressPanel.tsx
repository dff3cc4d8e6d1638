import { Card, Flex, Progress, Statistic, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeProgress } from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { percentCounted } from '../list/scopeText';

interface Props {
  progress: StocktakeProgress | undefined;
  /** the newest answer's counted / expected (fresher than `progress` during a burst) */
  latest: { counted: number; expected: number } | null;
}

/** 进度: counted / expected (overall and per category), unknown codes, out of scope, and who counted what. */
export const ProgressPanel = memo(function ProgressPanel({ progress, latest }: Props) {
  const { t } = useTranslation();
  const counted = latest?.counted ?? progress?.counted ?? 0;
  const expected = latest?.expected ?? progress?.expected ?? 0;
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
            {t('stocktake.counting.progress.scans', { count: progress?.scans ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('stocktake.counting.progress.unknown', { count: progress?.unknown ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('stocktake.counting.progress.outOfScope', { count: progress?.outOfScope ?? 0 })}
          </Typography.Text>
        </Flex>
        {!!progress?.byCategory.length && (
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
        {!!progress?.byCounter.length && (
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
      </Flex>
    </Card>
  );
});
