import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../shared/format';
import { translateOr } from '../../../shared/translate';
import { addressLine } from '../reconcile/CorrectionChange';
import { correctionRows, proposedText } from '../reconcile/correctionRows';
import { percent, SUMMARY_SECTIONS } from '../reconcile/reconcileRules';
import { scopeText } from '../list/scopeText';
import { evidenceText, useScopeNames } from '../reconcile/reportText';
import type { PrintReport, PrintSection } from './usePrintReport';

type Ready = Extract<PrintReport, { state: 'ready' }>;

/** The A4 report: heading, facts, summary, per category, the listed sections, the corrections. */
export function PrintedReport({ report, printedAt }: { report: Ready; printedAt: string }) {
  const { t } = useTranslation();
  const { summary, sections, corrections } = report;
  const s = summary.stocktake;
  const names = useScopeNames(s);
  const empty = t('common.empty');
  const r = (key: string, params?: Record<string, unknown>) => t(`stocktake.reconcile.${key}`, params);
  const facts: [string, string][] = [
    [r('meta.no'), s.no],
    [r('meta.status'), r(`status.${s.status}`)],
    [r('meta.scope'), scopeText(s.scope, t, names)],
    [r('meta.assignee'), s.assignee?.name ?? empty],
    [r('meta.dueDate'), s.dueDate ?? empty],
    [r('meta.createdBy'), `${s.createdByName ?? empty}  ${formatMinute(s.createdAt) ?? ''}`],
    [r('meta.startedAt'), formatMinute(s.startedAt) ?? empty],
    [r('meta.reconcilingAt'), formatMinute(s.reconcilingAt) ?? empty],
    [r('meta.completedAt'), s.completedAt ? `${formatMinute(s.completedAt)}  ${s.completedByName ?? ''}` : empty],
  ];

  return (
    <article className="st-print-doc">
      <header className="st-doc-head">
        <h1>{r('printPage.title')}</h1>
        <div className="st-doc-name">{s.name}</div>
        <div className="st-doc-printed">{r('printPage.printedAt', { at: printedAt })}</div>
      </header>

      <table className="st-facts">
        <tbody>
          {pairs(facts).map((pair) => (
            <tr key={pair[0][0]}>
              {pair.map(([label, value]) => (
                <FactCells key={label} label={label} value={value} wide={pair.length === 1} />
              ))}
            </tr>
          ))}
          {s.memo && (
            <tr>
              <th>{r('meta.memo')}</th>
              <td colSpan={3}>{s.memo}</td>
            </tr>
          )}
        </tbody>
      </table>

      <section className="st-block">
        <h2>{r('summary.title')}</h2>
        <table className="st-table st-summary">
          <thead>
            <tr>
              <th>{r('summary.expected')}</th>
              <th>{r('summary.counted')}</th>
              <th>{r('summary.rate')}</th>
              {SUMMARY_SECTIONS.map((k) => (
                <th key={k}>{r(`sections.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num">{s.expectedCount}</td>
              <td className="num">{s.countedCount}</td>
              <td className="num">{percent(s.countedCount, s.expectedCount) ?? empty}</td>
              {SUMMARY_SECTIONS.map((k) => (
                <td key={k} className="num">
                  {summary.counts[k] ?? 0}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <p className="st-adjusted">
          {r('summary.adjusted')}
          {t('customers.history.colon')}
          {Object.entries(summary.adjusted).filter(([, n]) => n > 0).length === 0
            ? r('summary.adjustedNone')
            : Object.entries(summary.adjusted)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${translateOr('stocktake.reconcile.adjusted', k)} ${n}`)
                .join(t('common.listSeparator'))}
        </p>
      </section>

      <section className="st-block">
        <h2>{r('summary.byCategory')}</h2>
        <table className="st-table">
          <thead>
            <tr>
              <th>{r('summary.category')}</th>
              <th className="num">{r('summary.expected')}</th>
              <th className="num">{r('summary.counted')}</th>
              <th className="num">{r('summary.missing')}</th>
              <th className="num">{r('summary.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.byCategory.map((c) => (
              <tr key={c.categoryId ?? 0}>
                <td>{c.categoryName ?? r('summary.noCategory')}</td>
                <td className="num">{c.expected}</td>
                <td className="num">{c.counted}</td>
                <td className="num">{Math.max(0, c.expected - c.counted)}</td>
                <td className="num">{percent(c.counted, c.expected) ?? empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {sections.map((sec) => (
        <SectionBlock key={sec.section} sec={sec} />
      ))}

      <section className="st-block">
        <h2>
          {r('sections.corrections')} <span className="st-count">{corrections.total}</span>
        </h2>
        {corrections.items.length === 0 ? (
          <p className="st-none">{r('printPage.empty')}</p>
        ) : (
          <table className="st-table">
            <thead>
              <tr>
                <th style={{ width: '22%' }}>{r('corrections.customer')}</th>
                <th>{r('corrections.change')}</th>
                <th style={{ width: '14%' }}>{r('corrections.proposedBy')}</th>
                <th style={{ width: '20%' }}>{r('corrections.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {corrections.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.customer.code} {c.customer.name}
                  </td>
                  <td>
                    {correctionRows(c.before, c.proposal, addressLine).map((row) => (
                      <div key={row.field}>
                        {r(`corrections.fields.${row.field}`)}
                        {t('customers.history.colon')}
                        {row.field === 'note'
                          ? row.proposed
                          : `${row.before ?? empty} → ${proposedText(row, empty, t('stocktake.reconcile.corrections.cleared'))}`}
                      </div>
                    ))}
                  </td>
                  <td>
                    {c.proposedByName ?? empty}
                    <div className="st-sub">{formatMinute(c.proposedAt)}</div>
                  </td>
                  <td>
                    {r(`corrections.status.${c.status}`)}
                    {c.decidedAt && (
                      <div className="st-sub">
                        {r('corrections.decidedBy', { by: c.decidedByName ?? empty, at: formatMinute(c.decidedAt) })}
                      </div>
                    )}
                    {c.decisionMemo && <div className="st-sub">{c.decisionMemo}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <More shown={corrections.items.length} total={corrections.total} />
      </section>
    </article>
  );
}

function FactCells({ label, value, wide }: { label: string; value: string; wide: boolean }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={wide ? 3 : 1}>{value}</td>
    </>
  );
}

/** [a, b, c, d, e] → [[a, b], [c, d], [e]]: two facts a line. */
function pairs<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}

function More({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return <p className="st-more">{t('stocktake.reconcile.printPage.more', { count: total - shown })}</p>;
}

/** One listed section: its rows (code, name, category, state, scans, evidence and note, what was done). */
function SectionBlock({ sec }: { sec: PrintSection }) {
  const { t } = useTranslation();
  const r = (key: string) => t(`stocktake.reconcile.${key}`);
  const empty = t('common.empty');
  const counted = sec.section !== 'missing';
  const known = sec.section !== 'unknown';
  return (
    <section className="st-block">
      <h2>
        {r(`sections.${sec.section}`)} <span className="st-count">{sec.total}</span>
      </h2>
      {sec.rows.length === 0 ? (
        <p className="st-none">{r('printPage.empty')}</p>
      ) : (
        <table className="st-table">
          <thead>
            <tr>
              <th style={{ width: '10%' }}>{r('columns.code')}</th>
              {known && <th>{r('columns.name')}</th>}
              {known && <th style={{ width: '10%' }}>{r('columns.category')}</th>}
              {known && <th style={{ width: '12%' }}>{r('columns.status')}</th>}
              {counted && (
                <th className="num" style={{ width: '6%' }}>
                  {r('columns.scans')}
                </th>
              )}
              {counted && <th style={{ width: '15%' }}>{r('columns.lastAt')}</th>}
              {counted && <th style={{ width: '15%' }}>{r('columns.note')}</th>}
              <th style={{ width: '9%' }}>{r('columns.adjustment')}</th>
            </tr>
          </thead>
          <tbody>
            {sec.rows.map((row) => (
              <tr key={`${row.customerId ?? ''}:${row.lineId ?? ''}:${row.code}`}>
                <td>{row.code}</td>
                {known && <td>{row.name ?? empty}</td>}
                {known && <td>{row.categoryName ?? empty}</td>}
                {known && (
                  <td>
                    {row.status ? translateOr('customers.status', row.status) : empty}
                    {row.statusReasonName && <div className="st-sub">{row.statusReasonName}</div>}
                  </td>
                )}
                {counted && <td className="num">{row.scans}</td>}
                {counted && (
                  <td className="nowrap">
                    {formatMinute(row.lastAt) ?? empty}
                    {row.lastUserName && <div className="st-sub">{row.lastUserName}</div>}
                  </td>
                )}
                {counted && (
                  <td>
                    {row.evidence.length > 0 && <div>{evidenceText(row.evidence, t)}</div>}
                    {row.note ?? (row.evidence.length ? null : empty)}
                  </td>
                )}
                <td>{row.adjustment ? translateOr('stocktake.reconcile.adjustment', row.adjustment) : empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More shown={sec.rows.length} total={sec.total} />
    </section>
  );
}
