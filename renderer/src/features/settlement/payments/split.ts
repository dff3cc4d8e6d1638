import { centsText, typedCents } from './money';

export interface OpenVoucher {
  id: number;
  openCents: number;
}

/** The split typed in the form: voucher id → the amount as typed. */
export type SplitText = Record<number, string>;

/**
 * The split the form starts with: the core's suggestion (oldest due first), or, when the form was
 * opened from one voucher, that voucher first and then the others in the core's order.
 */
export function startSplit(
  open: readonly OpenVoucher[],
  suggested: readonly { voucherId: number; amountCents: number }[],
  amountCents: number,
  firstVoucherId?: number,
): SplitText {
  const out: SplitText = {};
  if (firstVoucherId === undefined || !open.some((v) => v.id === firstVoucherId)) {
    for (const s of suggested) if (s.amountCents > 0) out[s.voucherId] = centsText(s.amountCents);
    return out;
  }
  const order = [...open.filter((v) => v.id === firstVoucherId), ...open.filter((v) => v.id !== firstVoucherId)];
  let left = amountCents;
  for (const v of order) {
    if (left <= 0) break;
    const take = Math.min(left, v.openCents);
    if (take > 0) out[v.id] = centsText(take);
    left -= take;
  }
  return out;
}

export interface SplitCheck {
  /** the allocations to send (non-zero amounts), as typed */
  allocations: { voucherId: number; amount: string }[];
  allocatedCents: number;
  /** amount − allocated: what stays as 预收 (negative: more allocated than paid) */
  remainderCents: number;
  /** vouchers whose typed amount is not an amount, or more than is open */
  bad: Record<number, 'number' | 'overOpen'>;
}

/** What the typed split means: its sum, the remainder, the rows in error. */
export function checkSplit(open: readonly OpenVoucher[], split: SplitText, amountCents: number): SplitCheck {
  const allocations: SplitCheck['allocations'] = [];
  const bad: SplitCheck['bad'] = {};
  let allocatedCents = 0;
  for (const v of open) {
    const text = split[v.id];
    if (text == null || text.trim() === '') continue;
    const cents = typedCents(text);
    if (cents === null || cents < 0) {
      bad[v.id] = 'number';
      continue;
    }
    if (cents === 0) continue;
    if (cents > v.openCents) bad[v.id] = 'overOpen';
    allocatedCents += cents;
    allocations.push({ voucherId: v.id, amount: text.trim() });
  }
  return { allocations, allocatedCents, remainderCents: amountCents - allocatedCents, bad };
}
