import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StocktakeStatus } from '../../../../../electron/core/stocktake/shared/stocktake.contract';

const COLORS: Record<StocktakeStatus, string> = {
  draft: 'default',
  counting: 'processing',
  reconciling: 'gold',
  completed: 'green',
  cancelled: 'red',
};

/** 草稿 / 盘点中 / 核对中 / 已完成 / 已取消 */
export function StocktakeStatusTag({ status }: { status: StocktakeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`stocktake.list.status.${status}`)}
    </Tag>
  );
}
