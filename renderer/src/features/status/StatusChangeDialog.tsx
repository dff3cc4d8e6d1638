import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  ConfigProvider,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type JSX, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/core/shared/contract';
import { customerStatusContract, type StatusAction } from '../../../../electron/core/status/shared/status.contract';
import { ApiCallError, call, isSessionError } from '../../api/index';
import { errorText, showFieldErrors } from '../../shared/apiErrors';
import { popupInDialog } from '../../shared/FormModal';
import { useCall } from '../../shared/useCall';
import { zodRule } from '../../shared/zodRule';
import { itemsOf, useLookups } from '../lookups/lookupsStore';
import { CustomerPicker } from '../customers/shared/CustomerPicker';
import { ReasonSelect } from './ReasonSelect';
import { StatusPreviewTable } from './StatusPreviewTable';
import { actionVerb, doneText } from './statusTexts';
import { validateForm } from '../../shared/validateForm';

type ChangeResult = ChannelOutput<'customer.deactivate'>;
type PreviewItem = ChannelOutput<'customer.statusPreview'>['items'][number];

interface StatusChangeDialogProps {
  open: boolean;
  action: StatusAction;
  customerIds: number[];
  /** deactivation reason key to preselect (review rules), e.g. 'contractEnded' */
  defaultReasonKey?: string;
  /** passed through to customer.freeze / customer.deactivate */
  reviewRunId?: number;
  onClose(): void;
  /** after the change succeeded (the dialog has shown the success message already) */
  onDone(result: ChangeResult): void;
}

interface Values {
  reasonId?: number;
  memo?: string;
  effectiveDate?: Dayjs | null;
  survivorId?: number | null;
  acknowledgeOpenItems?: boolean;
}

const FIELDS = ['reasonId', 'memo', 'effectiveDate', 'survivorId', 'acknowledgeOpenItems'] as const;
const requiredMemo = customerStatusContract['customer.unfreeze'].input.shape.memo;
const DUPLICATE_KEY = 'duplicate';

/** Codes after which the preview is read again (someone else changed the customers meanwhile). */
const STALE_CODES = new Set(['INVALID_TRANSITION', 'OPEN_ITEMS', 'CONFLICT', 'NOT_FOUND']);

/**
 * 冻结 / 解冻 / 停用 / 启用 for one or many customers. Shows each customer's code, name, state,
 * open items and any refusal (from customer.statusPreview), asks for the reason, memo, effective
 * date, the surviving customer of a duplicate, and the acknowledgement of open items, then runs
 * the action (all customers or none) and shows the success message itself.
 */
export function StatusChangeDialog(props: StatusChangeDialogProps): JSX.Element {
  const { open, action, customerIds, onClose } = props;
  const { t } = useTranslation();
  const idsKey = customerIds.join(',');
  return (
    <Modal
      open={open}
      title={t(`status.title.${action}`)}
      width={820}
      style={{ top: 32 }}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      maskClosable={false}
    >
      <ConfigProvider getPopupContainer={popupInDialog}>
        {open && <StatusChangeBody key={`${action}:${idsKey}`} {...props} />}
      </ConfigProvider>
    </Modal>
  );
}

function StatusChangeBody({
  action,
  customerIds,
  defaultReasonKey,
  reviewRunId,
  onClose,
  onDone,
}: StatusChangeDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // the customers still in the change (those the preview refuses can be left out here)
  const [ids, setIds] = useState<number[]>(customerIds);
  const lookups = useLookups((s) => s.items);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsReason = action === 'deactivate' || action === 'freeze';
  const reasonId = Form.useWatch('reasonId', form);

  // the dialog says why the preview failed itself (the action cannot run without it)
  const preview = useCall(
    'customer.statusPreview',
    { ids, action },
    {
      onError: (e) => {
        if (!isSessionError(e)) setError(errorText(e));
      },
    },
  );
  const items: PreviewItem[] = preview.data?.items ?? [];
  const { loading, failed: previewFailed, reload: loadPreview } = preview;

  // the reasons (ReasonSelect loads them): which one is picked decides whether a survivor is offered
  const reasons = useMemo(() => itemsOf(lookups, 'deactivationReason').filter((i) => i.active), [lookups]);

  const refused = items.filter((i) => i.refusal).length;
  const hasOpenItems = items.some((i) => i.openItems.length > 0);
  const reasonKey = reasons.find((r) => r.id === reasonId)?.key ?? null;
  const offerSurvivor = action === 'deactivate' && reasonKey === DUPLICATE_KEY && ids.length === 1;
  const verb = actionVerb(action);
  const blocked = loading || previewFailed || refused > 0 || items.length === 0;

  const submit = async () => {
    const values = await validateForm(form);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const memo = values.memo?.trim() ? values.memo : null;
      const acknowledgeOpenItems = !!values.acknowledgeOpenItems;
      let result: ChangeResult;
      if (action === 'deactivate') {
        result = await call('customer.deactivate', {
          ids,
          reasonId: values.reasonId as number,
          memo,
          effectiveDate: values.effectiveDate ? values.effectiveDate.format('YYYY-MM-DD') : null,
          survivorId: offerSurvivor ? (values.survivorId ?? null) : null,
          acknowledgeOpenItems,
          reviewRunId,
        });
      } else if (action === 'freeze') {
        result = await call('customer.freeze', {
          ids,
          reasonId: values.reasonId as number,
          memo,
          acknowledgeOpenItems,
          reviewRunId,
        });
      } else {
        result = await call(action === 'unfreeze' ? 'customer.unfreeze' : 'customer.reactivate', {
          ids,
          memo: values.memo ?? '',
        });
      }
      void message.success(doneText(action, result));
      onDone(result);
      onClose();
    } catch (e) {
      if (isSessionError(e)) return;
      if (!showFieldErrors(form, e, FIELDS)) setError(errorText(e));
      if (e instanceof ApiCallError && STALE_CODES.has(e.code)) void loadPreview();
    } finally {
      setBusy(false);
    }
  };

  const todayStart = dayjs().startOf('day');

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t(`status.intro.${action}`)}
      </Typography.Paragraph>
      <StatusPreviewTable items={items} loading={loading} action={action} />
      {refused > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t('status.refusedTitle', { count: refused, verb })}
          description={t(items.length > refused ? 'status.refusedHint' : 'status.refusedAll', {
            verb,
          })}
          action={
            items.length > refused && (
              <Button size="small" onClick={() => setIds(items.filter((i) => !i.refusal).map((i) => i.id))}>
                {t('status.leaveOut', { count: refused })}
              </Button>
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ acknowledgeOpenItems: false }}
        onFinish={() => void submit()}
        disabled={busy}
      >
        {needsReason && (
          <Row gutter={16}>
            <Col span={action === 'deactivate' ? 12 : 24}>
              <Form.Item
                name="reasonId"
                label={t(`status.fields.reason.${action}`)}
                required
                rules={[{ required: true, message: t('status.fields.reasonRequired') }]}
              >
                <ReasonSelect disabled={busy} presetKey={defaultReasonKey} onLoadError={setError} />
              </Form.Item>
            </Col>
            {action === 'deactivate' && (
              <Col span={12}>
                <Form.Item
                  name="effectiveDate"
                  label={t('status.fields.effectiveDate')}
                  tooltip={t('status.fields.effectiveDateHelp')}
                  extra={t('status.fields.effectiveDateShort')}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    placeholder={t('status.fields.effectiveDateNow')}
                    disabledDate={(d) => d.isBefore(todayStart)}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        {offerSurvivor && (
          <Form.Item name="survivorId" label={t('status.fields.survivor')} extra={t('status.fields.survivorHelp')}>
            <CustomerPicker excludeIds={ids} placeholder={t('status.fields.survivorPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item
          name="memo"
          label={t(needsReason ? 'status.fields.memo' : `status.fields.memoRequired.${action}`)}
          required={!needsReason}
          rules={needsReason ? [] : [zodRule(requiredMemo)]}
        >
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t(`status.fields.memoPlaceholder.${action}`)}
          />
        </Form.Item>
        {hasOpenItems && needsReason && (
          <Form.Item
            name="acknowledgeOpenItems"
            valuePropName="checked"
            rules={[
              {
                validator: async (_r, v: unknown) => {
                  if (!v) throw new Error(t('status.fields.acknowledgeRequired'));
                },
              },
            ]}
          >
            <Checkbox>{t('status.fields.acknowledge', { verb })}</Checkbox>
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Flex justify="end" align="center" gap={8}>
        <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
          {t('status.allOrNothing', { count: ids.length })}
        </Typography.Text>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" danger={needsReason} disabled={blocked} loading={busy} onClick={() => void submit()}>
          {verb}
        </Button>
      </Flex>
    </>
  );
}
