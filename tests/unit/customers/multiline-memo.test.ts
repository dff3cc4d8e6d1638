import { describe, expect } from 'vitest';
import { normalizeMultiline } from '../../../electron/core/shared/normalize';
import { test } from '../support/fixtures';

describe('multi-line memos keep their lines', () => {
  test('folds each line as prose but keeps the line breaks', () => {
    expect(normalizeMultiline('  第一行：ＡＢＣ  \r\n\r\n\r\n  第二行\r第三行　\n\n')).toBe(
      '第一行：ABC\n\n第二行\n第三行',
    );
    expect(normalizeMultiline('\n\n')).toBe('');
  });

  test('a customer memo and a state-change memo read back on the lines they were typed on', async ({ admin }) => {
    const memo = '每月初对账\n联系人换成李娜\n  注意：发票抬头  ';
    const c = await admin.ok('customer.create', { name: '多行备注有限公司', nature: 'enterprise', memo });
    expect(c.memo).toBe('每月初对账\n联系人换成李娜\n注意：发票抬头');
    expect((await admin.ok('customer.get', { id: c.id })).memo).toBe(c.memo);

    const reasons = await admin.ok('lookup.list', { kinds: ['deactivationReason'] });
    const reasonId = reasons.items[0].id;
    await admin.ok('customer.freeze', { ids: [c.id], reasonId, memo: '信用复核中\n等财务确认' });
    const history = await admin.ok('customer.statusHistory', { id: c.id });
    expect(history.items[0].memo).toBe('信用复核中\n等财务确认');
  });
});
