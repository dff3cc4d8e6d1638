import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../electron/core/customers/shared/customers.contract';
import {
  STATUS_ACTION_PERMISSION,
  type StatusAction,
} from '../../../../electron/core/status/shared/status.contract';
import { actionsFor } from '../../../../electron/core/status/shared/status.rules';
import { hasPermission, useSession } from '../../stores/session';
import { StatusChangeDialog } from './StatusChangeDialog';
import { actionVerb } from './statusTexts';

/** The actions the user may take on customers in these states (permission and state both allow). */
export function useAllowedActions(states: readonly { status: CustomerStatus; merged: boolean }[]): StatusAction[] {
  const user = useSession((s) => s.user);
  if (states.length === 0) return [];
  const order: StatusAction[] = ['freeze', 'unfreeze', 'deactivate', 'reactivate'];
  return order.filter(
    (a) =>
      hasPermission(user, STATUS_ACTION_PERMISSION[a]) &&
      states.every((s) => actionsFor(s.status, s.merged).includes(a)),
  );
}

/** 冻结 / 解冻 / 停用 / 启用 buttons for one customer, each opening the confirmation dialog. */
export function StatusActions({
  customerId,
  status,
  merged,
  onChanged,
}: {
  customerId: number;
  status: CustomerStatus;
  merged: boolean;
  onChanged: () => void;
}) {
  useTranslation();
  const actions = useAllowedActions([{ status, merged }]);
  const [open, setOpen] = useState<StatusAction | null>(null);
  const [last, setLast] = useState<StatusAction>('deactivate');
  if (actions.length === 0) return null;
  return (
    <>
      <Space size={8}>
        {actions.map((a) => (
          <Button
            key={a}
            danger={a === 'deactivate'}
            onClick={() => {
              setLast(a);
              setOpen(a);
            }}
          >
            {actionVerb(a)}
          </Button>
        ))}
      </Space>
      <StatusChangeDialog
        open={open !== null}
        action={open ?? last}
        customerIds={[customerId]}
        onClose={() => setOpen(null)}
        onDone={onChanged}
      />
    </>
  );
}
