import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../../electron/core/customers/shared/customers.contract';
import {
  STATUS_ACTION_PERMISSION,
  type StatusAction,
} from '../../../../electron/core/status/shared/status.contract';
import { hasPermission, useSession } from '../../stores/session';
import { useAllowedActions } from './StatusActions';
import { StatusChangeDialog } from './StatusChangeDialog';
import { actionVerb } from './statusTexts';

/** Offered whenever the user may (the dialog shows which selected customers cannot change, and why). */
const ALWAYS: readonly StatusAction[] = ['freeze', 'deactivate'];
/** Offered when every selected customer is in the state they undo. */
const WHEN_FITTING: readonly StatusAction[] = ['unfreeze', 'reactivate'];

/** 冻结 / 停用 (and 解冻 / 启用 when the selection fits) for the customers selected in the list. */
export function BulkStatusActions({ rows, onDone }: { rows: CustomerListRow[]; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const fitting = useAllowedActions(rows.map((r) => ({ status: r.status, merged: false })));
  const [open, setOpen] = useState<StatusAction | null>(null);
  const [last, setLast] = useState<StatusAction>('deactivate');
  const ids = rows.map((r) => r.id);

  const shown = [
    ...ALWAYS.filter((a) => hasPermission(user, STATUS_ACTION_PERMISSION[a])),
    ...WHEN_FITTING.filter((a) => fitting.includes(a)),
  ];

  if (shown.length === 0) return null;
  return (
    <>
      <Space size={8}>
        {shown.map((a) => (
          <Tooltip
            key={a}
            title={ids.length ? undefined : t('status.bulk.selectFirst', { verb: actionVerb(a) })}
          >
            <Button
              danger={a === 'deactivate'}
              disabled={ids.length === 0}
              onClick={() => {
                setLast(a);
                setOpen(a);
              }}
            >
              {ids.length
                ? t('status.bulk.withCount', { verb: actionVerb(a), count: ids.length })
                : actionVerb(a)}
            </Button>
          </Tooltip>
        ))}
      </Space>
      <StatusChangeDialog
        open={open !== null}
        action={open ?? last}
        customerIds={ids}
        onClose={() => setOpen(null)}
        onDone={onDone}
      />
    </>
  );
}
