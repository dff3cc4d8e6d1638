import * as XLSX from '@e965/xlsx';
import { describe, expect } from 'vitest';
import { post } from '../../../electron/core/settlement/ledger';
import { inTransaction } from '../../../electron/core/transaction';
import { download } from '../import/support';
import { test } from '../support/fixtures';
import { approvedReversal, approvedVoucher, customers, methodId, paymentOf } from './ledger-support';

describe('对账单', () => {
  test.override({ jobs: 'inline' });

  test('opening before the period, every posting in date order with a running balance, a merge transfer by the other code, closing', async ({
    env,
    admin,
  }) => {
    const [c, dup] = await customers(admin, ['甲公司', '甲公司（重复）']);
    env.core.sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('settlement.company', ?, '2026-01-01T00:00:00.000Z')`,
      )
      .run(
        JSON.stringify({
          name: '北京示例商贸有限公司',
          taxId: '91110108MA01ABCD1X',
          bankName: '工商银行',
          bankAccount: '0200 0000 0000',
        }),
      );
    const old = approvedVoucher(env.core, { customerId: c.id, date: '2025-11-20', lines: [50000] });
    await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '100', [{ voucherId: old.id, amount: '100' }], { date: '2025-11-30' }),
    );
    const dec = approvedVoucher(env.core, { customerId: c.id, date: '2025-12-03', lines: [115, 230] });
    const p = await admin.ok(
      'settlement.paymentCreate',
      paymentOf(c.id, '3.45', [{ voucherId: dec.id, amount: '3.45' }], {
        date: '2025-12-10',
        methodId: methodId(env.core),
        reference: '回单7',
      }),
    );
    const rev = approvedReversal(env.core, old.id, 1000, '2025-12-15');
    // a merge moved the duplicate's balance here (the transfer pair the merge posts)
    inTransaction(env.core, () => {
      const at = env.core.clock.now().toISOString();
      post(env.core.sqlite, {
        entryKey: 'merge:t:out',
        customerId: dup.id,
        date: '2025-12-20',
        kind: 'transferOut',
        amountCents: -700,
        otherCustomerId: c.id,
        at,
        by: null,
      });
      post(env.core.sqlite, {
        entryKey: 'merge:t:in',
        customerId: c.id,
        date: '2025-12-20',
        kind: 'transferIn',
        amountCents: 700,
        otherCustomerId: dup.id,
        at,
        by: null,
      });
    });
    approvedVoucher(env.core, { customerId: c.id, date: '2026-01-02', lines: [999] });

    const s = await admin.ok('settlement.statement', { customerId: c.id, from: '2025-12-01', to: '2025-12-31' });
    expect(s.openingCents).toBe(40000);
    expect(s.rows).toEqual([
      {
        date: '2025-12-03',
        kind: 'voucher',
        ref: dec.no,
        description: null,
        debitCents: 345,
        creditCents: 0,
        balanceCents: 40345,
      },
      {
        date: '2025-12-10',
        kind: 'payment',
        ref: p.no,
        description: '银行转账 回单7',
        debitCents: 0,
        creditCents: 345,
        balanceCents: 40000,
      },
      {
        date: '2025-12-15',
        kind: 'reversal',
        ref: rev.no,
        description: null,
        debitCents: 0,
        creditCents: 1000,
        balanceCents: 39000,
      },
      {
        date: '2025-12-20',
        kind: 'transferIn',
        ref: dup.code,
        description: null,
        debitCents: 700,
        creditCents: 0,
        balanceCents: 39700,
      },
    ]);
    expect(s).toMatchObject({ debitCents: 1045, creditCents: 1345, closingCents: 39700 });
    expect(s.company).toMatchObject({ name: '北京示例商贸有限公司', bankName: '工商银行', address: null });
    expect(s.customer).toMatchObject({ id: c.id, code: c.code, status: 'active' });
    const dupS = await admin.ok('settlement.statement', { customerId: dup.id, from: '2025-12-01', to: '2025-12-31' });
    expect(dupS.rows.map((r) => [r.kind, r.ref, r.creditCents])).toEqual([['transferOut', c.code, 700]]);
    expect(dupS.closingCents).toBe(-700);

    const whole = await admin.ok('settlement.statement', { customerId: c.id, from: '2025-01-01', to: '2026-12-31' });
    expect(whole.openingCents).toBe(0);
    expect(whole.closingCents).toBe(39700 + 999);
    const bad = await admin.call('settlement.statement', { customerId: c.id, from: '2026-01-01', to: '2025-12-31' });
    expect(bad.ok ? null : bad.error.fields).toEqual({ to: 'settlement.ledgerErrors.range' });

    const ref = await admin.ok('settlement.statementExport', {
      customerId: c.id,
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(ref.fileName).toBe(`对账单 ${c.code} 2025-12-01 至 2025-12-31.xlsx`);
    const wb = XLSX.read(await download(admin, ref.fileId), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['对账单'], {
      header: 1,
      blankrows: false,
    }) as unknown[][];
    expect(rows[0]).toEqual(['日期', '类型', '单号', '摘要', '借方（应收增加）', '贷方（应收减少）', '余额']);
    expect(rows.slice(1, 4).map((r) => r[3])).toEqual([
      '单位：北京示例商贸有限公司',
      `客户：${c.code} 甲公司`,
      '期间：2025-12-01 ~ 2025-12-31',
    ]);
    expect(rows.slice(4)).toEqual([
      ['2025-12-01', '期初余额', undefined, undefined, undefined, undefined, 400],
      ['2025-12-03', '临时凭证', dec.no, undefined, 3.45, undefined, 403.45],
      ['2025-12-10', '收款', p.no, '银行转账 回单7', undefined, 3.45, 400],
      ['2025-12-15', '红字凭证', rev.no, undefined, undefined, 10, 390],
      ['2025-12-20', '合并转入', dup.code, undefined, 7, undefined, 397],
      [undefined, '本期合计', undefined, undefined, 10.45, 13.45],
      ['2025-12-31', '期末余额', undefined, undefined, undefined, undefined, 397],
    ]);
  });
});
