import { code128, drawingSVG } from 'bwip-js/browser';
import type { LabelContent } from './layouts';

/** Code 128 requires at least 10 modules of white on each side of the bars. */
const QUIET_ZONE_MODULES = 10;
/** bwip-js draws at this many units per module; more units, finer rounding of heights. */
const UNITS_PER_MODULE = 8;
const MM_PER_PT = 25.4 / 72;
const TEXT_GAP_MM = 0.6;

export interface BarcodeImage {
  /** an SVG data URL: vectors, so it stays crisp in a PDF and on any printer */
  src: string;
  widthMm: number;
  heightMm: number;
  /** width of the narrowest bar */
  moduleMm: number;
}

function viewBox(svg: string): { w: number; h: number } {
  const m = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  if (!m) throw new Error('bwip-js returned an SVG without a viewBox');
  return { w: Number(m[1]), h: Number(m[2]) };
}

/** Number of modules of the bars alone (no quiet zone). */
function moduleCount(code: string): number {
  return viewBox(code128({ bcid: 'code128', text: code, scale: 1, height: 1 }, drawingSVG())).w;
}

/** The widest module that fits `roomMm` with both quiet zones, snapped to the printer's dot. */
function moduleWidth(modules: number, roomMm: number, content: LabelContent): number {
  const fit = Math.min(content.maxModuleMm, roomMm / (modules + 2 * QUIET_ZONE_MODULES));
  const step = content.moduleStepMm;
  if (!step) return fit;
  return Math.max(step, Math.floor(fit / step + 1e-9) * step);
}

/**
 * The code as a Code 128 symbol with the code printed under the bars, sized in millimetres:
 * bars `content.barMm` high, modules as wide as `roomMm` allows, quiet zones included.
 */
export function renderCode128(code: string, roomMm: number, content: LabelContent): BarcodeImage {
  const moduleMm = moduleWidth(moduleCount(code), roomMm, content);
  const svg = code128(
    {
      bcid: 'code128',
      text: code,
      scale: UNITS_PER_MODULE,
      // bwip-js takes the bar height in mm at 1 pt per module; convert to our module width
      height: (content.barMm / moduleMm) * MM_PER_PT,
      includetext: true,
      textxalign: 'center',
      textsize: content.codeTextMm / moduleMm,
      // bwip-js sets the text right against the bars; leave a small gap
      textyoffset: -TEXT_GAP_MM / moduleMm,
      paddingwidth: QUIET_ZONE_MODULES,
    },
    drawingSVG(),
  );
  const box = viewBox(svg);
  const mmPerUnit = moduleMm / UNITS_PER_MODULE;
  return {
    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    widthMm: box.w * mmPerUnit,
    heightMm: box.h * mmPerUnit,
    moduleMm,
  };
}
