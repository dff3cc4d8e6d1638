import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerLabel } from './CustomerLabel';
import type { BarcodeImage } from './code128';
import {
  barcodeRoomMm,
  fillSheets,
  type LabelContent,
  type LabelLayout,
  numbered,
  placeSlots,
  sheetById,
  THERMAL_LABEL,
  withCopies,
} from './layouts';
import type { LabelCustomer } from './useLabelCustomers';
import type { LabelOptions } from './useLabelOptions';

const mm = (n: number) => `${n}mm`;
type Render = (code: string, roomMm: number, content: LabelContent) => BarcodeImage;

/** Each distinct code rendered once (none until bwip-js is loaded); null where a code cannot be encoded. */
export function useBarcodes(
  customers: readonly LabelCustomer[],
  labelW: number,
  content: LabelContent,
  render: Render | undefined,
) {
  return useMemo(() => {
    const images = new Map<string, BarcodeImage | null>();
    if (!render) return images;
    for (const { code } of customers) {
      if (images.has(code)) continue;
      try {
        images.set(code, render(code, barcodeRoomMm(labelW), content));
      } catch {
        images.set(code, null);
      }
    }
    return images;
  }, [customers, labelW, content, render]);
}

interface Props {
  layout: LabelLayout;
  customers: readonly LabelCustomer[];
  options: LabelOptions;
  images: Map<string, BarcodeImage | null>;
}

/** The printable pages: A4 sheets with an exact grid, or one 40×30 mm page per thermal label. */
export function LabelPages({ layout, customers, options, images }: Props) {
  const { t } = useTranslation();
  const labels = withCopies(customers, options.copies);
  const shift: CSSProperties = { transform: `translate(${mm(options.offsetX)}, ${mm(options.offsetY)})` };

  if (layout === 'thermal') {
    const { width, height, content } = THERMAL_LABEL;
    const padding = `${mm(content.padY)} ${mm(content.padX)}`;
    return (
      <div className="labels-pages labels-pages-thermal">
        {numbered(labels).map(({ slot, item }) => (
          <section key={slot} className="labels-sheet" style={{ width: mm(width), height: mm(height) }}>
            <div className="labels-grid" style={shift}>
              <div className="labels-cell" style={{ left: 0, top: 0, width: mm(width), height: mm(height), padding }}>
                <CustomerLabel customer={item} barcode={images.get(item.code) ?? null} content={content} />
              </div>
            </div>
          </section>
        ))}
      </div>
    );
  }

  const sheet = sheetById(options.sheetId);
  const { content } = sheet;
  const skipped = options.start - 1;
  const sheets = fillSheets(labels, sheet.cols * sheet.rows, skipped);
  const padding = `${mm(content.padY)} ${mm(content.padX)}`;
  return (
    <div className="labels-pages">
      {numbered(sheets).map(({ slot: page, item: slots }) => (
        <section key={page} className="labels-sheet" style={{ width: mm(sheet.paperW), height: mm(sheet.paperH) }}>
          <div className="labels-grid" style={shift}>
            {placeSlots(sheet, slots).map(({ slot, left, top, item }) => {
              const box: CSSProperties = {
                left: mm(left),
                top: mm(top),
                width: mm(sheet.labelW),
                height: mm(sheet.labelH),
              };
              if (!item) {
                const skip = page === 0 && slot < skipped;
                return (
                  <div
                    key={slot}
                    className={skip ? 'labels-cell labels-skipped' : 'labels-cell labels-unused'}
                    style={box}
                    title={skip ? t('labels.emptySlot') : undefined}
                  />
                );
              }
              return (
                <div key={slot} className="labels-cell" style={{ ...box, padding }}>
                  <CustomerLabel customer={item} barcode={images.get(item.code) ?? null} content={content} />
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
