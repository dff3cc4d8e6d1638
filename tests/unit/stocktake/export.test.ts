import * as XLSX from '@e965/xlsx';
import { describe, expect } from 'vitest';
import { download } from '../import/support';
import { test } from '../support/fixtures';
import { craftCorrection, craftLine, craftStocktake, customer, setState } from './recon-support';

const rowsOf = (wb: XLSX.WorkBook, sheet: string) =>
  XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, blankrows: false }) as unknown[][];

describe('the report as .xlsx', () => {
  test('is written in a job thread: the summary, a sheet per section with its rows, the corrections', async ({ env, admin }) => {
    const c: Record<string, { id: number; code: string }> = {};
    for (const n of ['甲', '乙', '丙', '丁']) c[n] = await customer(admin, `客户${n}`);
    setState(env.core, c.丙.id, 'deactivated');
    const st = craftStocktake(env.core, { expected: ['甲', '乙', '丙'].map((n) => ({ id: c[n].id })) });
    const line = craftLine(env.core, st, { customerId: c.甲.id, code: c.甲.code, scans: 2, note: '有合同', evidence: ['contract', 'order'], checked: true });
    craftLine(env.core, st, { customerId: c.丙.id, code: c.丙.code, scans: 1 });
    craftLine(env.core, st, { customerId: c.丁.id, code: c.丁.code, scans: 1 });
    craftLine(env.core, st, { customerId: null, code: 'NOPE-1', scans: 1 });
    craftCorrection(env.core, st, {
      lineId: line,
      customerId: c.甲.id,
      proposal: { contact: { mobile: '13900001111', phone: null }, address: { kind: 'registered', country: 'CN', provinceCode: '110000', street: '新街2号' } },
      before: { contact: { name: '张伟', mobile: '13812345678', phone: '010-88886666' }, address: null },
    });

    // English sheet titles from the caller; the rest in Chinese
    const texts = { 'stocktake.export.sheets.missing': 'Missing', 'stocktake.export.fileName': 'Stocktake {{no}}' };
    const ref = await admin.ok('stocktake.export', { id: st.id, texts });
    expect(ref).toMatchObject({ fileName: `Stocktake ${st.no}.xlsx`, rows: 7 });
    const wb = XLSX.read(await download(admin, ref.fileId), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['汇总', '已盘到', 'Missing', '未知编码', '重复', '已停用', '冻结', '范围外', '更正建议']);
    const summary = rowsOf(wb, '汇总');
    expect(summary.slice(0, 13)).toEqual([
      ['项目', '数值', '已盘客户'],
      ['盘点单号', st.no],
      ['盘点名称', expect.any(String)],
      ['状态', '核对中'],
      ['应盘客户', 3],
      ['已盘到', 2],
      ['Missing', 1],
      ['未知编码', 1],
      ['重复', 1],
      ['已停用', 1],
      ['冻结', 0],
      ['范围外', 1],
      ['更正建议', 1],
    ]);
    const matched = rowsOf(wb, '已盘到');
    expect(matched[0]).toEqual(['客户编码', '客户名称', '客户分类', '客户状态', '状态原因', '扫描次数', '最后扫描人', '最后扫描时间', '已核对', '凭证', '备注', '最后核对', '处理']);
    expect(matched.slice(1).map((r) => [r[0], r[1], r[3], r[5], r[8], r[9], r[10]])).toEqual([
      [c.甲.code, '客户甲', '正常', 2, '是', '合同、订单', '有合同'],
      [c.丙.code, '客户丙', '已停用', 1, '否', undefined, undefined],
    ]);
    expect(rowsOf(wb, 'Missing').slice(1).map((r) => r[1])).toEqual(['客户乙']);
    expect(rowsOf(wb, '未知编码').slice(1).map((r) => r[0])).toEqual(['NOPE-1']);
    expect(rowsOf(wb, '范围外').slice(1).map((r) => r[1])).toEqual(['客户丁']);
    const corrections = rowsOf(wb, '更正建议');
    expect(corrections.slice(1).map((r) => [r[0], r[4]])).toEqual([[c.甲.code, '待处理']]);
    // field labels (as the caller's language gives them, else Chinese), divisions named, a cleared value said so
    expect(corrections[1][2]).toBe('手机：13900001111；电话：（清空）；地址：北京市 新街2号');
    expect(corrections[1][3]).toBe('手机：13812345678；电话：010-88886666');
  });

  test('another user cannot download it; a clerk cannot export', async ({ env, admin }) => {
    const st = craftStocktake(env.core);
    const ref = await admin.ok('stocktake.export', { id: st.id, texts: {} });
    const manager = await env.userWithRoles('mgr', ['manager']);
    expect(await manager.call('customer.downloadFile', { fileId: ref.fileId })).toMatchObject({ ok: false });
    const clerk = await env.userWithRoles('clerk1', ['clerk']);
    expect(await clerk.call('stocktake.export', { id: st.id, texts: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
