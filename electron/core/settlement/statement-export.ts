import type { Sqlite } from '../../../db/open';
import { type WriteCell, workbookWriter } from '../spreadsheet/write';
import { readCompany } from './company.read';
import { openingCents, statementCustomer, statementLines, statementRow } from './statement';

/**
 * The statement (对账单) as .xlsx, written in the job's thread on its own connection: one sheet,
 * the heading (company, customer, period) above the postings, the opening balance first and the
 * closing balance last; amounts in 元 with two decimals (the 分 divided once, for display).
 * The channel carries no texts: the workbook is in Chinese, as the printed statement.
 */
export interface StatementExportInput {
  outFile: string;
  customerId: number;
  from: string;
  to: string;
}

export const STATEMENT_TEXTS = {
  sheet: '对账单',
  fileName: '对账单 {{code}} {{from}} 至 {{to}}',
  columns: ['日期', '类型', '单号', '摘要', '借方（应收增加）', '贷方（应收减少）', '余额'],
  company: '单位',
  customer: '客户',
  period: '期间',
  opening: '期初余额',
  closing: '期末余额',
  total: '本期合计',
  kinds: {
    voucher: '临时凭证',
    reversal: '红字凭证',
    payment: '收款',
    paymentVoid: '收款作废',
    transferIn: '合并转入',
    transferOut: '合并转出',
  } as Record<string, string>,
};

const money = (cents: number) => cents / 100;

/** Writes the statement; returns the number of postings. */
export async function exportStatement(
  sqlite: Sqlite,
  input: StatementExportInput,
): Promise<{ rows: number; code: string }> {
  const t = STATEMENT_TEXTS;
  // one read transaction: the opening balance and the rows show the same moment
  sqlite.exec('BEGIN');
  try {
    const customer = statementCustomer(sqlite, input.customerId);
    const company = readCompany(sqlite);
    const out = workbookWriter(input.outFile);
    const sheet = out.sheet({
      name: t.sheet,
      columns: t.columns.map((header, i) => ({
        header,
        width: i === 3 ? 30 : i >= 4 ? 16 : i === 2 ? 18 : 12,
        numFmt: i >= 4 ? '#,##0.00' : undefined,
        text: i === 2,
      })),
    });
    const add = (row: WriteCell[]) => sheet.add(row);
    let balance = openingCents(sqlite, input.customerId, input.from);
    add([null, null, null, `${t.company}：${company.name ?? ''}`]);
    add([null, null, null, `${t.customer}：${customer.code} ${customer.name}`]);
    add([null, null, null, `${t.period}：${input.from} ~ ${input.to}`]);
    add([input.from, t.opening, null, null, null, null, money(balance)]);
    let rows = 0;
    let debit = 0;
    let credit = 0;
    for (const l of statementLines(sqlite, input.customerId, input.from, input.to)) {
      balance += l.amountCents;
      const r = statementRow(l, balance);
      debit += r.debitCents;
      credit += r.creditCents;
      add([
        r.date,
        t.kinds[r.kind] ?? r.kind,
        r.ref,
        r.description,
        r.debitCents ? money(r.debitCents) : null,
        r.creditCents ? money(r.creditCents) : null,
        money(balance),
      ]);
      rows++;
    }
    add([null, t.total, null, null, money(debit), money(credit), null]);
    add([input.to, t.closing, null, null, null, null, money(balance)]);
    await out.close();
    return { rows, code: customer.code };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
