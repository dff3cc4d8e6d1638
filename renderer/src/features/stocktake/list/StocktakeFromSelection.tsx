import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, useSession } from '../../../stores/session';
import { stocktakePaths } from '../stocktakePaths';

/**
 * 盘点 in the customer list's toolbar of ticked customers (no icon, as the other actions there):
 * opens 新建盘点 over them. The ids go as the route's state, not in the address: a selection may
 * hold thousands.
 */
export function StocktakeFromSelection({ ids }: { ids: readonly number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  if (ids.length === 0 || !hasPermission(user, 'stocktake.manage')) return null;
  return (
    <Button onClick={() => navigate(stocktakePaths.list, { state: { select: [...ids] } })}>
      {t('stocktake.list.fromSelection', { count: ids.length })}
    </Button>
  );
}
