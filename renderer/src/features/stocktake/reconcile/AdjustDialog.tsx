import { Alert, App, ConfigProvider, Form, Input, Modal, Typography } from 'antd';
import i18n from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/core/shared/contract';
import { call, isSessionError } from '../../../api';
import { errorText } from '../../../shared/apiErrors';
import { popupInDialog } from '../../../shared/FormModal';
import { translateOr } from '../../../shared/translate';
import { ReasonSelect } from '../../status/ReasonSelect';
import type { Adjustment } from './reconcileRules';
import { validateForm } from '../../../shared/validateForm';

/** The deactivation reason missing customers get unless the user picks another (长期无交易). */
const MISSING_REASON_KEY = 'inactive';

type Result = ChannelOutput<'stocktake.adjust'>;

interface Props {
  open: boolean;
  stocktakeId: number;
  action: Adjustment;
  /** the ticked customers; null = every customer of the section */
  customerIds: number[] | null;
  /** how many customers "all" means (adjustAllCount) */
  allCount: number;
  onClose: () => void;
  onDone: (result: Result) => void;
}

interface Values {
  reasonId?: number;
  memo?: string;
}

/** A refusal's name: a message key the core sent, or a short code (openItems …). */
export function refusalText(key: string): string {
  return i18n.exists(key) ? i18n.t(key) : translateOr('stocktake.reconcile.refusals', key);
}

/**
 * Asks what a bulk adjustment needs (the deactivation reason, prefilled 长期无交易; the reason for
 * reactivating; a memo) and runs stocktake.adjust. Customers the owning feature refuses are
 * counted by reason, and the dialog stays open to show them.
 */
export function AdjustDialog({ open, stocktakeId, action, customerIds, allCount, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const needsReason = action === 'deactivateMissing';
  const memoRequired = action === 'reactivateCounted';

  const close = () => {
    setResult(null);
    setError(null);
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    const values = await validateForm(form);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await call('stocktake.adjust', {
        id: stocktakeId,
        action,
        customerIds: customerIds ?? undefined,
        reasonId: needsReason ? values.reasonId : undefined,
        memo: values.memo?.trim() ? values.memo : null,
      });
      void message.success(t('stocktake.reconcile.adjust.done', { changed: answer.changed, skipped: answer.skipped }));
      onDone(answer);
      if (Object.keys(answer.refusals).length) setResult(answer);
      else close();
    } catch (e) {
      if (!isSessionError(e)) setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const refused = result ? Object.entries(result.refusals) : [];
  return (
    <Modal
      open={open}
      title={t(`stocktake.reconcile.adjust.title.${action}`)}
      onCancel={close}
      onOk={result ? close : () => void submit()}
      okText={result ? t('common.ok') : t('stocktake.reconcile.adjust.run')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={false}
    >
      <ConfigProvider getPopupContainer={popupInDialog}>
        <Typography.Paragraph type="secondary">{t(`stocktake.reconcile.adjust.intro.${action}`)}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('stocktake.reconcile.adjust.target')}
          {t('customers.history.colon')}
          <Typography.Text strong>
            {customerIds
              ? t('stocktake.reconcile.adjust.targetSelected', { count: customerIds.length })
              : t(
                  action === 'markVerified'
                    ? 'stocktake.reconcile.adjust.targetAllCounted'
                    : 'stocktake.reconcile.adjust.targetAll',
                  { count: allCount },
                )}
          </Typography.Text>
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        {result && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('stocktake.reconcile.adjust.refusalsTitle', { count: result.skipped })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {refused.map(([key, n]) => (
                  <li key={key}>{t('stocktake.reconcile.adjust.refusal', { reason: refusalText(key), count: n })}</li>
                ))}
              </ul>
            }
          />
        )}
        <Form<Values> form={form} layout="vertical" disabled={busy || !!result}>
          {needsReason && (
            <Form.Item
              name="reasonId"
              label={t('stocktake.reconcile.adjust.reason')}
              rules={[{ required: true, message: t('stocktake.reconcile.adjust.reasonRequired') }]}
            >
              <ReasonSelect disabled={busy || !!result} presetKey={MISSING_REASON_KEY} onLoadError={setError} />
            </Form.Item>
          )}
          <Form.Item
            name="memo"
            label={t(memoRequired ? 'stocktake.reconcile.adjust.reactivateMemo' : 'stocktake.reconcile.adjust.memo')}
            rules={
              memoRequired
                ? [{ required: true, whitespace: true, message: t('stocktake.reconcile.adjust.memoRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
