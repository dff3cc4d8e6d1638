import dayjs from 'dayjs';
import type { Sqlite } from '../../../db/open';
import { divisionNamesOf } from '../import/areas';
import { type WriteCell, workbookWriter } from '../spreadsheet/write';
import { listCorrections } from './corrections';
import { reportSummary, sectionRows, stocktakeNo } from './report';
import { correctionRows } from './shared/correction-rows';
import { REPORT_EXPORT_TEXTS, type ReportExportTextKey } from './shared/report-export';
import { REPORT_SECTIONS, type ReportRow } from './shared/stocktake.contract';

/**
 * The report as .xlsx, written in the job's thread on its own connection: the summary sheet,
 * then one sheet per section (all its rows), then the corrections. Sheets stream row by row.
 */
export interface ReportExportInput {
  outFile: string;
  id: number;
  /** key → text in the user's language (REPORT_EXPORT_TEXTS' keys; missing ones in Chinese) */
  texts: Record<string, string>;
}

type Text = (key: ReportExportTextKey, params?: Record<string, string>) => string;

export function textsOf(texts: Record<string, string>): Text {
  return (key, params = {}) =>
    (texts[key] || REPORT_EXPORT_TEXTS[key]).replace(/\{\{(\w+)\}\}/g, (_, p: string) => params[p] ?? '');
}

const value = (t: Text, v: string | null | undefined) =>
  v && `stocktake.export.values.${v}` in REPORT_EXPORT_TEXTS ? t(`stocktake.export.values.${v}` as ReportExportTextKey) : (v ?? null);
// local time of this computer, as the user reads it on screen
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null);

/** An address of a proposal as one line: divisions named (a foreign country by its code), street, postcode. */
function addressText(a: Record<string, unknown>): string | null {
  const s = (v: unknown) => (v == null ? null : String(v));
  const d = divisionNamesOf({ provinceCode: s(a.provinceCode), cityCode: s(a.cityCode), districtCode: s(a.districtCode) });
  const where = a.country && a.country !== 'CN' ? s(a.country) : [d.province, d.city, d.district].filter(Boolean).join(' ');
  return [where, s(a.street), s(a.postcode)].filter(Boolean).join(' ') || null;
}

/**
 * A correction readable in two cells, each "字段：值" joined by "；", field labels in the user's
 * language (the rows the reconcile screen shows): the proposed values (a cleared one says so) and
 * the values they replace.
 */
function correctionCells(t: Text, k: { before: Record<string, unknown>; proposal: Record<string, unknown> }) {
  const rows = correctionRows(k.before, k.proposal, addressText);
  const label = (f: string) => t(`stocktake.export.fields.${f}` as ReportExportTextKey);
  const cell = (parts: string[]) => parts.join('；') || null;
  return {
    proposal: cell(rows.map((r) => `${label(r.field)}：${r.proposed ?? t('stocktake.export.values.cleared')}`)),
    before: cell(rows.filter((r) => r.field !== 'note' && r.before != null).map((r) => `${label(r.field)}：${r.before}`)),
  };
}

const SECTION_COLUMNS = [
  'code',
  'name',
  'category',
  'status',
  'statusReason',
  'scans',
  'lastUser',
  'lastAt',
  'checked',
  'evidence',
  'note',
  'lastVerifiedAt',
  'adjustment',
] as const;

function sectionCells(t: Text, r: ReportRow): WriteCell[] {
  return [
    r.code,
    r.name,
    r.categoryName,
    value(t, r.status),
    r.statusReasonName,
    r.scans,
    r.lastUserName,
    time(r.lastAt),
    r.lineId == null ? null : t(r.checked ? 'stocktake.export.values.yes' : 'stocktake.export.values.no'),
    r.evidence.map((e) => value(t, e)).join('、') || null,
    r.note,
    time(r.lastVerifiedAt),
    value(t, r.adjustment),
  ];
}

const col = (t: Text, key: string, width = 14, text = false) => ({
  header: t(`stocktake.export.columns.${key}` as ReportExportTextKey),
  width,
  text,
});

/** Writes the report; returns the number of rows in the section sheets. */
export async function exportReport(sqlite: Sqlite, input: ReportExportInput, onProgress: (done: number, total: number) => void) {
  const t = textsOf(input.texts);
  // one read transaction: the summary and every sheet show the same moment
  sqlite.exec('BEGIN');
  try {
    const no = stocktakeNo(sqlite, input.id);
    const summary = reportSummary(sqlite, input.id);
    const out = workbookWriter(input.outFile);
    const head = out.sheet({
      name: t('stocktake.export.sheets.summary'),
      columns: [
        { header: t('stocktake.export.summary.item'), width: 24 },
        { header: t('stocktake.export.summary.value'), width: 30 },
        { header: t('stocktake.export.summary.counted'), width: 12 },
      ],
    });
    const st = summary.stocktake;
    head.add([t('stocktake.export.summary.no'), st.no]);
    head.add([t('stocktake.export.summary.name'), st.name]);
    head.add([t('stocktake.export.summary.status'), value(t, st.status)]);
    head.add([t('stocktake.export.summary.expected'), summary.byCategory.reduce((n, c) => n + c.expected, 0)]);
    for (const s of REPORT_SECTIONS) head.add([t(`stocktake.export.sheets.${s}`), summary.counts[s]]);
    head.add([]);
    head.add([t('stocktake.export.summary.category'), t('stocktake.export.summary.expected'), t('stocktake.export.summary.counted')]);
    for (const c of summary.byCategory) {
      head.add([c.categoryName ?? t('stocktake.export.summary.uncategorized'), c.expected, c.counted]);
    }
    const adjusted = Object.entries(summary.adjusted);
    if (adjusted.length) {
      head.add([]);
      for (const [action, n] of adjusted) head.add([`${t('stocktake.export.summary.adjusted')}: ${value(t, action)}`, n]);
    }
    const sections = REPORT_SECTIONS.filter((s) => s !== 'corrections');
    const total = sections.reduce((n, s) => n + summary.counts[s], 0);
    let done = 0;
    onProgress(0, total);
    for (const section of sections) {
      const sheet = out.sheet({
        name: t(`stocktake.export.sheets.${section}`),
        columns: SECTION_COLUMNS.map((k) => col(t, k, k === 'name' ? 30 : 14, k === 'code')),
      });
      for (const r of sectionRows(sqlite, input.id, no, { section, limit: -1, offset: 0 })) {
        sheet.add(sectionCells(t, r));
        done++;
      }
      onProgress(done, total);
    }
    const corrections = out.sheet({
      name: t('stocktake.export.sheets.corrections'),
      columns: ['code', 'name', 'proposal', 'before', 'correctionStatus', 'proposedBy', 'proposedAt', 'decidedBy', 'decisionMemo'].map(
        (k) => col(t, k, k === 'proposal' || k === 'before' ? 40 : 14, k === 'code'),
      ),
    });
    for (let page = 1; ; page++) {
      const { items } = listCorrections(sqlite, { id: input.id, page, pageSize: 200 });
      for (const k of items) {
        const cells = correctionCells(t, k);
        corrections.add([
          k.customer.code,
          k.customer.name,
          cells.proposal,
          cells.before,
          value(t, k.status),
          k.proposedByName,
          time(k.proposedAt),
          k.decidedByName,
          k.decisionMemo,
        ]);
      }
      if (items.length < 200) break;
    }
    await out.close();
    return { rows: done, no };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
