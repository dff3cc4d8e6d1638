/** Paper geometry of the two label layouts, in millimetres, and how labels fill the pages. */

const LAYOUTS = ['a4', 'thermal'] as const;
export type LabelLayout = (typeof LAYOUTS)[number];

/** How the content of one label is sized (all mm). */
export interface LabelContent {
  /** inner padding of the label */
  padX: number;
  padY: number;
  /** font size of the customer name (two lines at most) */
  nameMm: number;
  /** height of the bars */
  barMm: number;
  /** font size of the code printed under the bars */
  codeTextMm: number;
  /** widest module (narrowest bar) worth using; wider only wastes room */
  maxModuleMm: number;
  /** module widths are whole multiples of this (a thermal head's dot), or free when absent */
  moduleStepMm?: number;
  /** narrower modules than this are hard to scan: the page warns */
  minModuleMm: number;
}

/** A sheet of labels: an exact grid measured from the paper's top-left corner. */
interface SheetTemplate {
  id: string;
  paperW: number;
  paperH: number;
  cols: number;
  rows: number;
  labelW: number;
  labelH: number;
  /** position of the first label's top-left corner */
  left: number;
  top: number;
  /** distance from one label's start to the next (label size plus gap) */
  pitchX: number;
  pitchY: number;
  content: LabelContent;
}

const a4Content = (barMm: number, nameMm = 3.4): LabelContent => ({
  padX: 4,
  padY: 2.8,
  nameMm,
  barMm,
  codeTextMm: 3.6,
  maxModuleMm: 0.4,
  minModuleMm: 0.19,
});

/** Common A4 label sheets (sold as 3×8 70×37, 3×7 70×42.3, Avery L7163 2×7, 4×10). */
export const A4_SHEETS: readonly SheetTemplate[] = [
  a4Sheet('a4-3x8', 3, 8, 70, 37, 0, 0.5, 0, 0, a4Content(13, 3.8)),
  a4Sheet('a4-3x7', 3, 7, 70, 42.3, 0, 0.45, 0, 0, a4Content(15, 4)),
  a4Sheet('a4-2x7', 2, 7, 99.1, 38.1, 4.65, 15.15, 2.5, 0, a4Content(13, 4)),
  a4Sheet('a4-4x10', 4, 10, 52.5, 29.7, 0, 0, 0, 0, { ...a4Content(9.5, 3), padX: 3, padY: 2.2, codeTextMm: 3.2 }),
];

function a4Sheet(
  id: string,
  cols: number,
  rows: number,
  labelW: number,
  labelH: number,
  left: number,
  top: number,
  gapX: number,
  gapY: number,
  content: LabelContent,
): SheetTemplate {
  return {
    id,
    paperW: 210,
    paperH: 297,
    cols,
    rows,
    labelW,
    labelH,
    left,
    top,
    pitchX: labelW + gapX,
    pitchY: labelH + gapY,
    content,
  };
}

export const DEFAULT_SHEET_ID = 'a4-3x8';

export function sheetById(id: string | null | undefined): SheetTemplate {
  return A4_SHEETS.find((s) => s.id === id) ?? A4_SHEETS[0];
}

/** One 40×30 mm label per page, as thermal label printers (203 dpi: 8 dots per mm) take them. */
export const THERMAL_LABEL = {
  width: 40,
  height: 30,
  content: {
    padX: 2,
    padY: 1.6,
    nameMm: 2.9,
    barMm: 11,
    codeTextMm: 3,
    maxModuleMm: 0.375,
    moduleStepMm: 0.125,
    minModuleMm: 0.25,
  } satisfies LabelContent,
} as const;

/** Room the barcode may take: the label less a small margin (its quiet zone is inside the image). */
export function barcodeRoomMm(labelW: number): number {
  return labelW - 2;
}

/** The one `@page` rule of a layout: only the chosen layout's rule is ever in the document. */
export function pageRule(layout: LabelLayout): string {
  return layout === 'a4'
    ? '@page { size: A4 portrait; margin: 0; }'
    : `@page { size: ${THERMAL_LABEL.width}mm ${THERMAL_LABEL.height}mm; margin: 0; }`;
}

export function parseLayout(raw: string | null): LabelLayout {
  return raw === 'thermal' ? 'thermal' : 'a4';
}

/** The most customers one page prints (the limit of `customer.getMany`). */
export const MAX_IDS = 5000;

/** `12,15,19` → [12, 15, 19]: positive integers, first occurrence kept, order kept. */
export function parseIds(raw: string | null): number[] {
  const seen = new Set<number>();
  for (const part of (raw ?? '').split(/[,\uff0c\s]+/)) {
    if (!/^\d{1,15}$/.test(part)) continue;
    const id = Number(part);
    if (id > 0) seen.add(id);
  }
  return [...seen];
}

/** Each item `copies` times in a row (A, A, B, B …). */
export function withCopies<T>(items: readonly T[], copies: number): T[] {
  const n = Math.max(1, Math.floor(copies));
  return items.flatMap((item) => Array.from({ length: n }, () => item));
}

/**
 * Sheets of `perSheet` slots; the first `skip` slots of the first sheet stay empty (null), so a
 * partly used sheet can be fed again.
 */
export function fillSheets<T>(labels: readonly T[], perSheet: number, skip: number): (T | null)[][] {
  const lead = Math.min(Math.max(0, Math.floor(skip)), perSheet - 1);
  const slots: (T | null)[] = [...Array.from({ length: lead }, () => null), ...labels];
  const sheets: (T | null)[][] = [];
  for (let i = 0; i < slots.length; i += perSheet) {
    const sheet = slots.slice(i, i + perSheet);
    while (sheet.length < perSheet) sheet.push(null);
    sheets.push(sheet);
  }
  return labels.length ? sheets : [];
}

/** How many sheets `labels` labels take when the first `skip` positions are used already. */
export function sheetCount(labels: number, perSheet: number, skip: number): number {
  return labels > 0 ? Math.ceil((labels + Math.min(Math.max(0, skip), perSheet - 1)) / perSheet) : 0;
}

/** One position of a sheet, placed in mm from the paper's corner. */
interface PlacedSlot<T> {
  /** position on the sheet, 0-based, left to right then top to bottom */
  slot: number;
  left: number;
  top: number;
  item: T | null;
}

export function placeSlots<T>(sheet: SheetTemplate, slots: readonly (T | null)[]): PlacedSlot<T>[] {
  return slots.map((item, slot) => ({
    slot,
    left: sheet.left + (slot % sheet.cols) * sheet.pitchX,
    top: sheet.top + Math.floor(slot / sheet.cols) * sheet.pitchY,
    item,
  }));
}

/** Items with their running number (one thermal label per page). */
export function numbered<T>(items: readonly T[]): { slot: number; item: T }[] {
  return items.map((item, slot) => ({ slot, item }));
}
