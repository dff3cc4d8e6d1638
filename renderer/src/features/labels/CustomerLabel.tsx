import { useTranslation } from 'react-i18next';
import type { BarcodeImage } from './code128';
import type { LabelContent } from './layouts';
import type { LabelCustomer } from './useLabelCustomers';

const mm = (n: number) => `${n}mm`;
const NAME_LINE_HEIGHT = 1.22;

interface Props {
  customer: LabelCustomer;
  /** null when the code cannot be encoded */
  barcode: BarcodeImage | null;
  content: LabelContent;
}

/** What one label shows: the name (two lines at most, then …) over the code as Code 128. */
export function CustomerLabel({ customer, barcode, content }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div
        className="labels-name"
        style={{ fontSize: mm(content.nameMm), height: mm(content.nameMm * NAME_LINE_HEIGHT * 2) }}
      >
        <span title={customer.name} style={{ lineHeight: NAME_LINE_HEIGHT }}>
          {customer.name}
        </span>
      </div>
      {barcode ? (
        <img
          className="labels-barcode"
          src={barcode.src}
          alt={customer.code}
          style={{ width: mm(barcode.widthMm), height: mm(barcode.heightMm) }}
        />
      ) : (
        <div className="labels-barcode-failed" style={{ fontSize: mm(content.codeTextMm) }}>
          {customer.code}
          <br />
          {t('labels.barcodeFailed')}
        </div>
      )}
    </>
  );
}
