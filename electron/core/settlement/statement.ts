import type { z } from 'zod';
import type { Sqlite } from '../../../db/open';
import { InvalidField, NotFound } from '../errors';
import { readCompany } from './company.read';
import type { statementRowSchema, statementSchema } from './shared/settlement.contract';

type Statement = z.infer<typeof statementSchema>;
type StatementRow = z.infer<typeof statementRowSchema>;

/** The customer as a statement heads it (customerCreditSchema's customer). */
export function statementCustomer(sqlite: Sqlite, customerId: number): Statement['customer'] {
  const c = sqlite
    .prepare(
      `SELECT c.id, c.code, c.name, c.status, r.name AS statusReasonName, c.status_memo AS statusMemo, s.display_name AS salespersonName, c.tax_id AS taxId
       FROM customers c LEFT JOIN lookups r ON r.id = c.status_reason_id LEFT JOIN users s ON s.id = c.salesperson_id
       WHERE c.id = ?`,
    )
    .get(customerId) as Statement['customer'] | undefined;
  if (!c) throw NotFound();
  return c;
}

interface LedgerLine {
  date: string;
  kind: StatementRow['kind'];
  amountCents: number;
  voucherNo: string | null;
  evidenceRef: string | null;
  voucherMemo: string | null;
  paymentNo: string | null;
  methodName: string | null;
  reference: string | null;
  otherCode: string | null;
}

/**
 * The ledger rows of a customer in [from, to], date order (then posting order), with what each
 * refers to: the voucher's or payment's number, or the other customer's code for a merge transfer.
 */
export function* statementLines(sqlite: Sqlite, customerId: number, from: string, to: string): Generator<LedgerLine> {
  yield* sqlite
    .prepare(
      `SELECT l.date, l.kind, l.amount_cents AS amountCents, v.no AS voucherNo, v.evidence_ref AS evidenceRef, v.memo AS voucherMemo,
         p.no AS paymentNo, m.name AS methodName, p.reference, o.code AS otherCode
       FROM settlement_ledger l
       LEFT JOIN settlement_vouchers v ON v.id = l.voucher_id
       LEFT JOIN settlement_payments p ON p.id = l.payment_id
       LEFT JOIN lookups m ON m.id = p.method_id
       LEFT JOIN customers o ON o.id = l.other_customer_id
       WHERE l.customer_id = ? AND l.date >= ? AND l.date <= ?
       ORDER BY l.date, l.id`,
    )
    .iterate(customerId, from, to) as Iterable<LedgerLine>;
}

export function statementRow(l: LedgerLine, balanceCents: number): StatementRow {
  const transfer = l.kind === 'transferIn' || l.kind === 'transferOut';
  const ref = transfer ? (l.otherCode ?? '') : (l.voucherNo ?? l.paymentNo ?? '');
  const description = l.voucherNo
    ? (l.evidenceRef ?? l.voucherMemo)
    : [l.methodName, l.reference].filter(Boolean).join(' ') || null;
  return {
    date: l.date,
    kind: l.kind,
    ref,
    description: transfer ? null : description,
    debitCents: Math.max(l.amountCents, 0),
    creditCents: l.amountCents < 0 ? -l.amountCents : 0,
    balanceCents,
  };
}

export function openingCents(sqlite: Sqlite, customerId: number, from: string): number {
  return sqlite
    .prepare('SELECT coalesce(sum(amount_cents), 0) FROM settlement_ledger WHERE customer_id = ? AND date < ?')
    .pluck()
    .get(customerId, from) as number;
}

/** settlement.statement (对账单): opening (before `from`), every posting to `to` with a running balance, closing. */
export function statement(sqlite: Sqlite, input: { customerId: number; from: string; to: string }): Statement {
  if (input.from > input.to) throw InvalidField('to', 'settlement.ledgerErrors.range');
  const customer = statementCustomer(sqlite, input.customerId);
  const opening = openingCents(sqlite, input.customerId, input.from);
  let balance = opening;
  let debit = 0;
  let credit = 0;
  const rows: StatementRow[] = [];
  for (const l of statementLines(sqlite, input.customerId, input.from, input.to)) {
    balance += l.amountCents;
    const r = statementRow(l, balance);
    debit += r.debitCents;
    credit += r.creditCents;
    rows.push(r);
  }
  return {
    customer,
    from: input.from,
    to: input.to,
    openingCents: opening,
    rows,
    debitCents: debit,
    creditCents: credit,
    closingCents: opening + debit - credit,
    company: readCompany(sqlite),
  };
}
