import type { Actor } from '../actor';
import type { Core } from '../core';
import { InvalidField } from '../errors';
import type { ParsedInput } from '../shared/contract';
import { inTransaction } from '../transaction';
import { assertReversalFits } from './approval';
import { nextNo } from './ledger';
import type { VoucherDetail } from './shared/settlement.contract';
import { computeLines, type LineInput, writeLines } from './voucher-lines';
import { loadVoucher, voucherDetail } from './voucher-read';
import { byClientId, insertDraft, submitRow, told, voucherLog, wrongStatus } from './voucher-steps';

/**
 * 红字: an approved voucher is never edited; a correction is a new draft of kind 'reversal'
 * (number HZ…) referencing it, with the original's lines negated, or the lines given (typed as
 * positive quantities of what is taken back; voucher-lines.ts negates them). Its size is at most
 * the original's open amount now (checked here and again at approval: a payment may come
 * between), so a fully paid (settled) voucher is reversed only after an allocation is undone.
 * Its customer is the original's; the status guard is not asked (a reversal only lowers what a
 * frozen or deactivated customer owes). The reason is kept as its memo and in the log.
 * It goes through the same submit and approve as any voucher (approval.ts).
 */
function originalLines(core: Core, id: number): LineInput[] {
  const rows = core.sqlite
    .prepare(
      'SELECT description, unit, quantity_milli AS q, unit_price AS p, tax_rate_bp AS taxRateBp FROM settlement_voucher_lines WHERE voucher_id = ? ORDER BY line_no',
    )
    .all(id) as { description: string; unit: string | null; q: number; p: number; taxRateBp: number | null }[];
  return rows.map((r) => ({
    description: r.description,
    unit: r.unit,
    quantity: BigInt(r.q),
    unitPrice: BigInt(r.p),
    taxRateBp: r.taxRateBp,
  }));
}

export function reverseVoucher(
  core: Core,
  actor: Actor,
  input: ParsedInput<'settlement.voucherReverse'>,
): VoucherDetail {
  const replayed = byClientId(core, input.clientId);
  if (replayed) return voucherDetail(core, actor, replayed);
  const id = inTransaction(core, () => {
    const original = loadVoucher(core, input.id);
    if (original.kind !== 'normal' || original.status !== 'approved')
      throw wrongStatus(original, 'settlement.errors.notReversible');
    if (input.date < original.date) throw InvalidField('date', 'settlement.validation.reversalBeforeOriginal');
    const computed = computeLines(input.lines ?? originalLines(core, original.id), 'reversal');
    assertReversalFits(core, original, computed.totalCents, 'INVALID_INPUT');
    const now = core.clock.now();
    const at = now.toISOString();
    const no = nextNo(core, 'settlement_vouchers', 'HZ', now);
    const newId = insertDraft(
      core,
      actor,
      at,
      {
        no,
        clientId: input.clientId,
        kind: 'reversal',
        reversesId: original.id,
        customerId: original.customerId,
        date: input.date,
        dueDate: input.date,
        evidenceType: original.evidenceType,
        evidenceRef: original.evidenceRef,
        memo: input.reason,
      },
      computed,
    );
    writeLines(core, newId, computed.lines);
    voucherLog(
      core,
      now,
      actor,
      newId,
      'create',
      {
        no: { before: null, after: no },
        reverses: { before: null, after: original.no },
        totalCents: { before: null, after: computed.totalCents },
      },
      input.reason,
    );
    voucherLog(core, now, actor, original.id, 'reverse', { reversal: { before: null, after: no } }, input.reason);
    if (input.submit) submitRow(core, actor, newId, now, 'draft');
    return newId;
  });
  return told(core, id, voucherDetail(core, actor, id));
}
