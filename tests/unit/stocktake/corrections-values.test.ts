import { describe, expect, it } from 'vitest';
import { correctionRows } from '../../../electron/core/stocktake/shared/correction-rows';
import { correctionProposalSchema } from '../../../electron/core/stocktake/shared/stocktake.contract';
import { dialogFieldErrors, proposalOf } from '../../../renderer/src/features/stocktake/counting/correctionValues';

const base = { addressKind: 'registered', country: 'CN' } as const;

describe('a correction that clears or removes', () => {
  it('a ticked 清空 sends null (clear), a blank field is left out (unchanged)', () => {
    const p = proposalOf({ ...base, mobile: '  ', clearPhone: true, phone: '010-1' });
    expect(p).toEqual({ contact: { phone: null } });
    expect(correctionProposalSchema.parse(p)).toEqual({ contact: { phone: null } });
    expect(proposalOf({ ...base, clearMobile: true })).toEqual({ contact: { mobile: null } });
  });

  it('删除主联系人 sends contact null whatever else is typed; 删除该类地址 sends the kind, not an address', () => {
    const p = proposalOf({ ...base, removeContact: true, mobile: '13900001111', addressKind: 'delivery', removeAddress: true, street: '新街' });
    expect(p).toEqual({ contact: null, removeAddress: 'delivery' });
    expect(correctionProposalSchema.safeParse(p).success).toBe(true);
  });

  it('a refusal naming the proposal’s paths is shown at the dialog’s fields', () => {
    expect(
      dialogFieldErrors({
        'proposal.contact.mobile': 'customers.validation.mobile',
        'proposal.address.cityCode': 'customers.validation.division',
        'proposal.note': 'validation.tooLong',
        other: 'x',
      }),
    ).toEqual({ mobile: 'customers.validation.mobile', division: 'customers.validation.division', note: 'validation.tooLong', other: 'x' });
  });

  it('the rows say what is cleared or removed: before → null', () => {
    const text = (a: Record<string, unknown>) => (a.street as string) ?? null;
    const before = { contact: { name: '张伟', mobile: '138', phone: '010' }, address: { street: '旧街' } };
    expect(correctionRows(before, { contact: null, removeAddress: 'registered' }, text)).toEqual([
      { field: 'contact', before: '张伟 138 010', proposed: null, changed: true },
      { field: 'address', before: '旧街', proposed: null, changed: true },
    ]);
    expect(correctionRows(before, { contact: { mobile: null } }, text)).toEqual([
      { field: 'mobile', before: '138', proposed: null, changed: true },
    ]);
  });
});
