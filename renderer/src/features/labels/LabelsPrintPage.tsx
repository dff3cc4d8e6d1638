import { Alert, Button, Result, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../shared/apiErrors';
import { usePrintPage } from '../../shared/usePrintPage';
import { LabelPages, useBarcodes } from './LabelPages';
import { LabelsToolbar } from './LabelsToolbar';
import {
  type LabelLayout,
  MAX_IDS,
  pageRule,
  parseIds,
  parseLayout,
  sheetById,
  sheetCount,
  THERMAL_LABEL,
} from './layouts';
import { useLabelCustomers } from './useLabelCustomers';
import { useLabelOptions } from './useLabelOptions';
import './labels.css';

/**
 * Barcode labels of customer codes, for printing: `#/print/labels?ids=12,15,19&layout=a4|thermal`.
 * Rendered without the app shell; the toolbar is screen-only, the labels are laid out in mm.
 */
export function LabelsPrintPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const layout = parseLayout(params.get('layout'));
  const ids = useMemo(() => parseIds(params.get('ids')), [params]);
  const data = useLabelCustomers(ids);
  const [options, setOptions] = useLabelOptions();
  const docTitle = t('labels.docTitle');

  usePrintPage(docTitle);

  const sheet = sheetById(options.sheetId);
  const labelW = layout === 'a4' ? sheet.labelW : THERMAL_LABEL.width;
  const content = layout === 'a4' ? sheet.content : THERMAL_LABEL.content;
  const images = useBarcodes(data.customers, labelW, content, data.barcodes?.renderCode128);

  const labelCount = data.customers.length * options.copies;
  const pageCount = layout === 'a4' ? sheetCount(labelCount, sheet.cols * sheet.rows, options.start - 1) : labelCount;
  const dense = [...images].filter(([, img]) => img && img.moduleMm < content.minModuleMm).map(([code]) => code);

  const setLayout = (next: LabelLayout) =>
    setParams(
      (old) => {
        const p = new URLSearchParams(old);
        p.set('layout', next);
        return p;
      },
      { replace: true },
    );
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate('/');
  };

  if (!ids.length) {
    return (
      <Result
        status="info"
        title={t('labels.noneSelected')}
        subTitle={t('labels.noneSelectedHint')}
        extra={<Button onClick={back}>{t('labels.back')}</Button>}
      />
    );
  }

  const ready = data.state === 'ready' && !!data.barcodes;
  return (
    <div className="labels-print">
      <style>{pageRule(layout)}</style>
      <LabelsToolbar
        layout={layout}
        onLayout={setLayout}
        options={options}
        onOptions={setOptions}
        summary={t('labels.summary', { customers: data.customers.length, labels: labelCount, pages: pageCount })}
        canPrint={ready && labelCount > 0}
        onBack={back}
      />
      <div className="labels-notices">
        {data.state === 'failed' && <Alert type="error" showIcon title={errorText(data.error)} />}
        {ids.length > MAX_IDS && <Alert type="warning" showIcon title={t('labels.tooMany', { max: MAX_IDS })} />}
        {data.missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('labels.missing', {
              n: data.missing.length,
              ids: data.missing.join(t('common.listSeparator')),
            })}
          />
        )}
        {dense.length > 0 && (
          <Alert type="warning" showIcon title={t('labels.dense', { codes: dense.join(t('common.listSeparator')) })} />
        )}
      </div>
      {data.state === 'loading' && <Spin className="labels-loading" description={t('labels.loading')} />}
      {ready && <LabelPages layout={layout} customers={data.customers} options={options} images={images} />}
    </div>
  );
}
