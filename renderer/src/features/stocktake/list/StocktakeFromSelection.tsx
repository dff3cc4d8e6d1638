import { InboxOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, useSession } from '../../../stores/session';
import { stocktakePaths } from '../stocktakePaths';

/**
 * 盘点 in the customer list's toolbar: opens 新建盘点 over the ticked customers (their ids go as
 * the route's state, not in the address: a selection may hold thousands).
 */
export function StocktakeFromSelection({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  if (!hasPermission(user, 'stocktake.manage')) return null;
  return (
    <Tooltip title={ids.length ? undefined : t('stocktake.list.selectToCount')}>
      <Button
        icon={<InboxOutlined aria-hidden />}
        disabled={ids.length === 0}
        onClick={() => navigate(stocktakePaths.list, { state: { select: [...ids] } })}
      >
        {ids.length ? t('stocktake.list.fromSelectionCount', { count: ids.length }) : t('stocktake.list.fromSelection')}
      </Button>
    </Tooltip>
  );
}
