import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { call } from '../../../api';
import type { RowSection } from '../reconcile/reconcileRules';

/** The sections the printed report lists row by row (matched customers are only counted). */
export const PRINTED_SECTIONS: readonly RowSection[] = [
  'missing',
  'unknown',
  'outOfScope',
  'deactivated',
  'frozen',
  'duplicates',
];
/** Rows printed per section: paper for the rest would be useless; the .xlsx holds every row. */
export const PRINT_ROW_CAP = 1_000;
const PAGE = 500;

type Summary = ChannelOutput<'stocktake.report'>;
type Row = ChannelOutput<'stocktake.reportRows'>['items'][number];
type Correction = ChannelOutput<'stocktake.corrections'>['items'][number];

export interface PrintSection {
  section: RowSection;
  rows: Row[];
  total: number;
}

export type PrintReport =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; summary: Summary; sections: PrintSection[]; corrections: { items: Correction[]; total: number } };

/** Up to `cap` items of a paged channel, a page at a time. */
async function firstItems<T>(read: (page: number) => Promise<{ items: T[]; total: number }>, cap: number) {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; items.length < cap; page++) {
    const answer = await read(page);
    total = answer.total;
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= total) break;
  }
  return { items: items.slice(0, cap), total };
}

/** Everything the printed report shows: the summary, the listed sections (capped), the corrections. */
export function usePrintReport(id: number): PrintReport {
  const [report, setReport] = useState<PrintReport>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setReport({ state: 'loading' });
    (async () => {
      const summary = await call('stocktake.report', { id });
      const sections: PrintSection[] = [];
      for (const section of PRINTED_SECTIONS) {
        const { items, total } = await firstItems(
          (page) => call('stocktake.reportRows', { id, section, page, pageSize: PAGE }),
          PRINT_ROW_CAP,
        );
        sections.push({ section, rows: items, total });
      }
      const corrections = await firstItems(
        (page) => call('stocktake.corrections', { id, page, pageSize: 200 }),
        PRINT_ROW_CAP,
      );
      return { state: 'ready' as const, summary, sections, corrections };
    })()
      .then((ready) => live && setReport(ready))
      .catch((error: unknown) => live && setReport({ state: 'failed', error }));
    return () => {
      live = false;
    };
  }, [id]);
  return report;
}
