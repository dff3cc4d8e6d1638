import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { statementSchema } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { formatCents } from '../../../shared/money';
import './statement.css';

export type Statement = z.infer<typeof statementSchema>;

/**
 * The 对账单 as a document (on screen in the panel, on A4 in the print route): company header,
 * customer, period, opening balance, every posting with its running balance, debit and credit
 * totals, closing balance.
 */
export function StatementDoc({ statement: s, printedAt }: { statement: Statement; printedAt?: string }) {
  const { t } = useTranslation();
  const x = (key: string, params?: Record<string, unknown>) => t(`settlement.statement.${key}`, params);
  const money = (c: number) => (c === 0 ? '' : (formatCents(c) ?? ''));
  const empty = t('common.empty');
  const co = s.company;
  return (
    <article className="sst-doc" data-testid="statement-doc">
      <header className="sst-head">
        {co.name && <div className="sst-company">{co.name}</div>}
        <h1>{x('title')}</h1>
        <div className="sst-company-facts">
          {[
            co.taxId && x('company.taxId', { v: co.taxId }),
            co.address,
            co.phone && x('company.phone', { v: co.phone }),
          ]
            .filter(Boolean)
            .join('　')}
        </div>
      </header>
      <table className="sst-facts">
        <tbody>
          <tr>
            <th>{x('customer')}</th>
            <td>{`${s.customer.code} ${s.customer.name}`}</td>
            <th>{x('period')}</th>
            <td>{x('periodText', { from: s.from, to: s.to })}</td>
          </tr>
          <tr>
            <th>{x('taxId')}</th>
            <td>{s.customer.taxId ?? empty}</td>
            <th>{x('salesperson')}</th>
            <td>{s.customer.salespersonName ?? empty}</td>
          </tr>
        </tbody>
      </table>
      <table className="sst-table">
        <thead>
          <tr>
            <th className="nowrap">{x('cols.date')}</th>
            <th className="nowrap">{x('cols.kind')}</th>
            <th className="nowrap">{x('cols.ref')}</th>
            <th>{x('cols.description')}</th>
            <th className="num">{x('cols.debit')}</th>
            <th className="num">{x('cols.credit')}</th>
            <th className="num">{x('cols.balance')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="sst-opening">
            <td className="nowrap">{s.from}</td>
            <td colSpan={5}>{x('opening')}</td>
            <td className="num" data-testid="statement-opening">
              {formatCents(s.openingCents)}
            </td>
          </tr>
          {s.rows.map((row, i) => (
            // rows have no id of their own; their order is the ledger's and never changes
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <td className="nowrap">{row.date}</td>
              <td className="nowrap">{x(`kinds.${row.kind}`)}</td>
              <td className="nowrap">{row.ref}</td>
              <td>{row.description ?? ''}</td>
              <td className="num">{money(row.debitCents)}</td>
              <td className="num">{money(row.creditCents)}</td>
              <td className="num">{formatCents(row.balanceCents)}</td>
            </tr>
          ))}
          {s.rows.length === 0 && (
            <tr>
              <td colSpan={7} className="sst-none">
                {x('noRows')}
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={4}>{x('totals')}</th>
            <td className="num">{formatCents(s.debitCents)}</td>
            <td className="num">{formatCents(s.creditCents)}</td>
            <td />
          </tr>
          <tr className="sst-closing">
            <th colSpan={4}>{x('closing', { date: s.to })}</th>
            <td colSpan={3} className="num" data-testid="statement-closing">
              {formatCents(s.closingCents)}
            </td>
          </tr>
        </tfoot>
      </table>
      {(co.bankName || co.bankAccount || co.paymentNote) && (
        <section className="sst-pay">
          {(co.bankName || co.bankAccount) && (
            <div>{x('bank', { bank: co.bankName ?? '', account: co.bankAccount ?? '' })}</div>
          )}
          {co.paymentNote && <div className="sst-note">{co.paymentNote}</div>}
        </section>
      )}
      <footer className="sst-foot">
        <span>{x('confirm')}</span>
        {printedAt && <span>{x('printedAt', { at: printedAt })}</span>}
      </footer>
    </article>
  );
}
