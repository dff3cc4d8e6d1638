import type { VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import type { LineDraft } from '../lines/lineMath';
import { emptyLine } from '../lines/lineMath';

/** A voucher's lines as the form edits them (the figures as the core shows them). */
export function draftLines(voucher: VoucherDetail | undefined): LineDraft[] {
  if (!voucher?.lines.length) return [emptyLine()];
  return voucher.lines.map((l) => ({
    key: `v${l.lineNo}`,
    description: l.description,
    unit: l.unit ?? '',
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
  }));
}

/** The lines as the channels take them. */
export function linesInput(lines: LineDraft[]) {
  return lines.map((l) => ({
    description: l.description,
    unit: l.unit.trim() || undefined,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
  }));
}

/** A form's id for the core (a resent create after a timeout is answered once). */
export function newClientId(): string {
  return crypto.randomUUID();
}
