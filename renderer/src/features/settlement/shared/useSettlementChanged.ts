import { useEffect } from 'react';
import { SETTLEMENT_CHANGED_EVENT } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { connectEvents } from '../../../api';

/** Calls `onChange` whenever a voucher, payment or follow-up changed (here or on another window). */
export function useSettlementChanged(onChange: () => unknown): void {
  useEffect(() => connectEvents({ [SETTLEMENT_CHANGED_EVENT]: () => void onChange() }), [onChange]);
}
