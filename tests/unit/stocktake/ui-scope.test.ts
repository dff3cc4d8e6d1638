import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { stocktakeScopeSchema } from '../../../electron/core/stocktake/shared/stocktake.contract';
import { scopeOf, selectionFrom, valuesOf } from '../../../renderer/src/features/stocktake/create/scopeValues';
import { proposalOf } from '../../../renderer/src/features/stocktake/counting/correctionValues';
import { percentCounted, scopeText } from '../../../renderer/src/features/stocktake/list/scopeText';
import { correctionProposalSchema } from '../../../electron/core/stocktake/shared/stocktake.contract';

// The create dialog's scope, the list's scope text and the correction dialog's proposal
// (renderer/src/features/stocktake/{create,list,counting}).

describe('create dialog scope', () => {
  it('a filter sends only the criteria chosen, active customers when no state is chosen, and the core accepts it', () => {
    const scope = scopeOf({ scopeKind: 'filter', categoryId: 4, regionId: null, salespersonId: undefined }, null);
    expect(scope).toEqual({ kind: 'filter', filters: { status: ['active'], categoryId: 4 } });
    expect(stocktakeScopeSchema.safeParse(scope).success).toBe(true);
    expect(scopeOf({ scopeKind: 'filter', status: ['frozen', 'deactivated'] }, null)).toEqual({
      kind: 'filter',
      filters: { status: ['frozen', 'deactivated'] },
    });
  });

  it('all, and the ticked customers; a selection without ids leaves the scope as it is', () => {
    expect(scopeOf({ scopeKind: 'all', categoryId: 3 }, [1, 2])).toEqual({ kind: 'all' });
    expect(scopeOf({ scopeKind: 'selection' }, [5, 9])).toEqual({ kind: 'selection', ids: [5, 9] });
    expect(scopeOf({ scopeKind: 'selection' }, null)).toBeUndefined();
    expect(scopeOf({ scopeKind: 'selection' }, [])).toBeUndefined();
  });

  it("a draft's scope comes back as the same fields", () => {
    const scope = { kind: 'filter' as const, filters: { categoryId: 2, salespersonId: 5, status: ['active' as const, 'frozen' as const] } };
    const values = valuesOf(scope);
    expect(values).toMatchObject({ scopeKind: 'filter', categoryId: 2, salespersonId: 5, status: ['active', 'frozen'] });
    expect(scopeOf(values, null)).toEqual(scope);
    expect(valuesOf({ kind: 'selection', count: 12 }).scopeKind).toBe('selection');
  });

  it('reads the ticked ids handed over by the customer list: positive integers, each once', () => {
    expect(selectionFrom({ select: [3, 5, 3, -1, 0, 1.5, '7', 8] })).toEqual([3, 5, 8]);
    expect(selectionFrom(null)).toEqual([]);
    expect(selectionFrom({ select: 'x' })).toEqual([]);
  });
});

describe('list scope text', () => {
  const t = ((key: string, p?: Record<string, unknown>) => (p ? `${key}${JSON.stringify(p)}` : key)) as unknown as TFunction;
  const names = { lookup: (id: number) => (id === 4 ? '批发' : null), user: () => '王五' };

  it('names each criterion, an unknown one by its id, and the states', () => {
    const text = scopeText({ kind: 'filter', filters: { categoryId: 4, regionId: 8, salespersonId: 2 } }, t, names);
    expect(text).toContain('"value":"批发"');
    expect(text).toContain('"value":"#8"');
    expect(text).toContain('"value":"王五"');
    expect(text).toContain('customers.status.active');
  });

  it('all and selection', () => {
    expect(scopeText({ kind: 'all' }, t, names)).toBe('stocktake.list.scopeAll');
    expect(scopeText({ kind: 'selection', count: 12 }, t, names)).toContain('"count":12');
    expect(scopeText({ kind: 'selection', ids: [1, 2, 3] }, t, names)).toContain('"count":3');
  });

  it('percent counted: floor, capped at 100, 0 without expected customers', () => {
    expect(percentCounted(1, 3)).toBe(33);
    expect(percentCounted(5, 4)).toBe(100);
    expect(percentCounted(3, 0)).toBe(0);
  });
});

describe('correction proposal', () => {
  it('sends only what was filled in, as the core reads it', () => {
    const phoneOnly = proposalOf({ phone: '010-12345678', addressKind: 'registered', country: 'CN' });
    // a phone alone: the mobile is not part of the proposal (applying it keeps the customer's mobile)
    expect(phoneOnly).toEqual({ contact: { phone: '010-12345678' } });
    expect(correctionProposalSchema.safeParse(phoneOnly).success).toBe(true);

    const address = proposalOf({ addressKind: 'delivery', country: 'CN', division: ['110000', '110100'], street: '中关村大街 1 号', note: '客户口述' });
    expect(address).toEqual({
      address: { kind: 'delivery', country: 'CN', provinceCode: '110000', cityCode: '110100', districtCode: null, street: '中关村大街 1 号', postcode: '' },
      note: '客户口述',
    });
    expect(correctionProposalSchema.safeParse(address).success).toBe(true);
  });

  it('an empty dialog proposes nothing (the core refuses it)', () => {
    const empty = proposalOf({ addressKind: 'registered', country: 'CN', contactName: '  ' });
    expect(empty).toEqual({});
    expect(correctionProposalSchema.safeParse(empty).success).toBe(false);
  });
});
