import type { CustomerStatus } from '../../customers/shared/customers.contract';
import type { StatusAction } from './status.contract';

/**
 * Which state each action leaves from and arrives at. Pure data, shared with the renderer
 * (it shows only the actions the state allows; the core refuses the rest).
 */
export const TRANSITIONS: Record<StatusAction, { from: readonly CustomerStatus[]; to: CustomerStatus }> = {
  freeze: { from: ['active'], to: 'frozen' },
  unfreeze: { from: ['frozen'], to: 'active' },
  deactivate: { from: ['active', 'frozen'], to: 'deactivated' },
  reactivate: { from: ['deactivated'], to: 'active' },
};

/** The message a refused action gives for a customer in the wrong state. */
export const WRONG_STATE_MESSAGE: Record<StatusAction, string> = {
  freeze: 'customers.errors.notActive',
  unfreeze: 'customers.errors.notFrozen',
  deactivate: 'customers.errors.notActive',
  reactivate: 'customers.errors.notDeactivated',
};

/** The actions a customer's state allows (a record merged into another cannot come back). */
export function actionsFor(status: CustomerStatus, merged: boolean): StatusAction[] {
  return (Object.keys(TRANSITIONS) as StatusAction[]).filter(
    (a) => TRANSITIONS[a].from.includes(status) && !(a === 'reactivate' && merged),
  );
}

/** The deactivation reason that offers a merge into a surviving customer. */
export const DUPLICATE_REASON_KEY = 'duplicate';
