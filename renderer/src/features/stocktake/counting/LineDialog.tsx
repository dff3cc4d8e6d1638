import { Checkbox, Form, Input, Spin, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_KINDS,
  type StocktakeLine,
} from '../../../../../electron/core/stocktake/shared/stocktake.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { useCall } from '../../../shared/useCall';

interface Values {
  note?: string;
  evidence: StocktakeLine['evidence'];
  checked: boolean;
}

/** A counted line to open: the line itself (from the lines table), or its id and code (from a scan's answer). */
export type LineRef = { line: StocktakeLine } | { lineId: number; code: string };

interface Props {
  stocktakeId: number;
  target: LineRef | null;
  onClose: () => void;
  onSaved: (line: StocktakeLine) => void;
}

/** The line of a scan's answer, read by its code (the answer carries no version). */
function useLine(stocktakeId: number, target: LineRef | null): StocktakeLine | null | undefined {
  const byCode = target && 'lineId' in target ? target : null;
  const read = useCall('stocktake.lines', byCode ? { stocktakeId, q: byCode.code, pageSize: 20 } : null);
  if (!target) return null;
  if ('line' in target) return target.line;
  return read.loading ? undefined : (read.data?.items.find((l) => l.id === byCode?.lineId) ?? null);
}

/**
 * 备注与凭证 of one counted line: a note, the evidence a customer without an invoice offered
 * (无发票时的凭证: 合同, 订单, …) and 已核对 (its details were checked).
 */
export function LineDialog({ stocktakeId, target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const line = useLine(stocktakeId, target);
  const title = line?.customer
    ? t('stocktake.counting.line.dialogTitle', { code: line.code, name: line.customer.name })
    : t('stocktake.counting.line.note');
  return (
    <FormModal<Values>
      open={!!target}
      title={title}
      fields={['note', 'evidence', 'checked']}
      onCancel={onClose}
      onFailed={onClose}
      initialValues={line ? { note: line.note ?? '', evidence: line.evidence, checked: line.checked } : undefined}
      onSubmit={async (v) => {
        if (!line) return;
        const saved = await call('stocktake.updateLine', {
          stocktakeId,
          lineId: line.id,
          version: line.version,
          note: v.note ?? '',
          evidence: v.evidence ?? [],
          checked: v.checked,
        });
        onSaved(saved);
      }}
      busy={line === undefined}
    >
      {line === undefined ? (
        <Spin />
      ) : line === null ? (
        <Typography.Text type="danger">{t('stocktake.counting.line.missing')}</Typography.Text>
      ) : (
        <LineFields key={line.id} />
      )}
    </FormModal>
  );
}

function LineFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="evidence" label={t('stocktake.counting.line.evidence')} extra={t('stocktake.counting.line.evidenceHint')}>
        <Checkbox.Group options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`stocktake.counting.evidence.${k}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('stocktake.counting.line.noteLabel')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="checked" label={t('stocktake.counting.line.checked')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
