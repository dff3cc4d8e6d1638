import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { formatMinute } from '../../../shared/format';
import { moneyText, priceText } from '../vouchers/moneyText';

type Notice = ChannelOutput<'settlement.notice'>;

/** The notice on A4: company header, customer, lines, total in figures and 大写, due date, how to pay. */
export function PrintedNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { company, voucher: v, customer } = notice;
  const dash = t('common.empty');
  return (
    <article className="sn-doc" data-testid="printed-notice">
      <header className="sn-head">
        <div className="sn-company">{company.name ?? dash}</div>
        <div className="sn-company-sub">
          {[company.address, company.phone && t('settlement.notice.phone', { phone: company.phone })]
            .filter(Boolean)
            .join('　')}
        </div>
        <h1>{v.kind === 'reversal' ? t('settlement.notice.reversalHeading') : t('settlement.notice.heading')}</h1>
        <div className="sn-no">
          <span>{t('settlement.notice.no', { no: v.no })}</span>
          <span>{t('settlement.notice.printedAt', { at: formatMinute(notice.printedAt) })}</span>
        </div>
      </header>

      <table className="sn-facts">
        <tbody>
          <tr>
            <th>{t('settlement.notice.customer')}</th>
            <td colSpan={3}>{t('settlement.notice.customerName', { name: customer.name, code: customer.code })}</td>
          </tr>
          <tr>
            <th>{t('settlement.notice.customerTaxId')}</th>
            <td>{customer.taxId ?? dash}</td>
            <th>{t('settlement.notice.date')}</th>
            <td>{v.date}</td>
          </tr>
          <tr>
            <th>{t('settlement.notice.evidence')}</th>
            <td>{[t(`settlement.evidence.${v.evidenceType}`), v.evidenceRef].filter(Boolean).join(' ')}</td>
            <th>{t('settlement.notice.dueDate')}</th>
            <td className="sn-strong">{v.dueDate}</td>
          </tr>
        </tbody>
      </table>

      <table className="sn-table">
        <thead>
          <tr>
            <th className="nowrap">{t('settlement.lines.lineNo')}</th>
            <th>{t('settlement.lines.description')}</th>
            <th className="nowrap">{t('settlement.lines.unit')}</th>
            <th className="num">{t('settlement.lines.quantity')}</th>
            <th className="num">{t('settlement.lines.unitPrice')}</th>
            <th className="num">{t('settlement.lines.amount')}</th>
            <th className="num">{t('settlement.lines.tax')}</th>
            <th className="num">{t('settlement.lines.lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {v.lines.map((l) => (
            <tr key={l.lineNo}>
              <td className="nowrap">{l.lineNo}</td>
              <td>
                {l.description}
                {l.rounded && <span className="sn-sub">{t('settlement.notice.rounded')}</span>}
              </td>
              <td className="nowrap">{l.unit ?? ''}</td>
              <td className="num">{l.quantity}</td>
              <td className="num">{priceText(l.unitPrice)}</td>
              <td className="num">{moneyText(l.amountCents)}</td>
              <td className="num">
                {l.taxRateBp === null
                  ? dash
                  : t('settlement.notice.taxWithRate', { tax: moneyText(l.taxCents), rate: l.taxRateBp / 100 })}
              </td>
              <td className="num">{moneyText(l.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={5} className="num">
              {t('settlement.notice.totalFigures')}
            </th>
            <td colSpan={3} className="num sn-strong" data-testid="notice-total">
              {moneyText(v.totalCents)}
            </td>
          </tr>
          <tr>
            <th colSpan={5} className="num">
              {t('settlement.notice.totalWords')}
            </th>
            <td colSpan={3} className="num sn-strong" data-testid="notice-words">
              {notice.amountInWords}
            </td>
          </tr>
        </tfoot>
      </table>

      <section className="sn-pay">
        <h2>{t('settlement.notice.howToPay')}</h2>
        <p>{t('settlement.notice.payBy', { date: v.dueDate, amount: moneyText(v.openCents || v.totalCents) })}</p>
        <table className="sn-facts">
          <tbody>
            <tr>
              <th>{t('settlement.notice.payee')}</th>
              <td>{company.name ?? dash}</td>
              <th>{t('settlement.notice.taxId')}</th>
              <td>{company.taxId ?? dash}</td>
            </tr>
            <tr>
              <th>{t('settlement.notice.bankName')}</th>
              <td>{company.bankName ?? dash}</td>
              <th>{t('settlement.notice.bankAccount')}</th>
              <td>{company.bankAccount ?? dash}</td>
            </tr>
          </tbody>
        </table>
        {company.paymentNote && <p className="sn-note">{company.paymentNote}</p>}
        <p className="sn-note">{t('settlement.notice.reference', { no: v.no })}</p>
      </section>

      <footer className="sn-sign">
        <span>{t('settlement.notice.signCompany')}</span>
        <span>{t('settlement.notice.signCustomer')}</span>
      </footer>
    </article>
  );
}
