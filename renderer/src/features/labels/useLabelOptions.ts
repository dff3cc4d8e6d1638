import { useCallback, useState } from 'react';
import { DEFAULT_SHEET_ID, sheetById } from './layouts';

/** Print options; the sheet type and the printer's offsets are remembered on this computer. */
export interface LabelOptions {
  sheetId: string;
  /** 1-based position of the first label on the first A4 sheet */
  start: number;
  copies: number;
  /** printer calibration, mm (positive: right / down) */
  offsetX: number;
  offsetY: number;
}

const STORAGE_KEY = 'labels.printOptions';
export const MAX_COPIES = 100;
export const MAX_OFFSET_MM = 10;

const clamp = (n: unknown, min: number, max: number, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;

function remembered(): Pick<LabelOptions, 'sheetId' | 'offsetX' | 'offsetY'> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<LabelOptions>;
    return {
      sheetId: sheetById(saved.sheetId).id,
      offsetX: clamp(saved.offsetX, -MAX_OFFSET_MM, MAX_OFFSET_MM, 0),
      offsetY: clamp(saved.offsetY, -MAX_OFFSET_MM, MAX_OFFSET_MM, 0),
    };
  } catch {
    return { sheetId: DEFAULT_SHEET_ID, offsetX: 0, offsetY: 0 };
  }
}

export function useLabelOptions() {
  const [options, setOptions] = useState<LabelOptions>(() => ({ ...remembered(), start: 1, copies: 1 }));

  const update = useCallback((patch: Partial<LabelOptions>) => {
    setOptions((old) => {
      const next = { ...old, ...patch };
      const perSheet = sheetById(next.sheetId).cols * sheetById(next.sheetId).rows;
      next.start = Math.round(clamp(next.start, 1, perSheet, 1));
      next.copies = Math.round(clamp(next.copies, 1, MAX_COPIES, 1));
      next.offsetX = clamp(next.offsetX, -MAX_OFFSET_MM, MAX_OFFSET_MM, 0);
      next.offsetY = clamp(next.offsetY, -MAX_OFFSET_MM, MAX_OFFSET_MM, 0);
      try {
        const { sheetId, offsetX, offsetY } = next;
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ sheetId, offsetX, offsetY }));
      } catch {
        // storage full or disabled: the options still apply to this page
      }
      return next;
    });
  }, []);

  return [options, update] as const;
}
