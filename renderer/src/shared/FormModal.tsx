import { Alert, ConfigProvider, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api';
import { errorText } from './apiErrors';
import { type AfterRefusal, type SubmitAction, useFormSubmit } from './useFormSubmit';

/**
 * A dialog's lists and calendars open inside it, not in the page behind: when that page scrolls
 * (it did, between the press and the release of a click) they stay under their fields, and the
 * click lands on the option pressed.
 */
export const popupInDialog = (field?: HTMLElement) => field?.parentElement ?? document.body;

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  /** the form's fields (Form.Item), below `intro` */
  children: ReactNode;
  /** what stands above the form (a hint, a table) */
  intro?: ReactNode;
  /** the submit: throws the core's refusal, whose field errors then show beside `fields` */
  onSubmit: SubmitAction<V>;
  onCancel: () => void;
  /** fields a refusal may name (shown beside them; anything else as a message) */
  fields: readonly string[];
  initialValues?: Partial<V>;
  /** a form the caller watches; otherwise the dialog keeps its own */
  form?: FormInstance<V>;
  okText?: string;
  cancelText?: string;
  danger?: boolean;
  width?: number;
  /** busy from outside (the caller saves) */
  busy?: boolean;
  /** Enter in a field submits */
  submitOnEnter?: boolean;
  /**
   * Given: a stale save (CONFLICT) keeps the dialog open with the input, says above the form who
   * changed the record, when and what, and that saving again overwrites; then this is called
   * (to read the record again).
   */
  onConflict?: () => void;
  /** after any other refusal (reported already) */
  onFailed?: AfterRefusal;
}

/**
 * A dialog with one form that calls the core: 保存 validates and submits (loading while it runs),
 * 取消 closes, a refusal's field errors stand beside the fields, the input is forgotten on close,
 * and the form's selects and calendars open inside the dialog.
 */
export function FormModal<V>({
  open,
  title,
  children,
  intro,
  onSubmit,
  onCancel,
  fields,
  initialValues,
  form: given,
  okText,
  cancelText,
  danger,
  width,
  busy,
  submitOnEnter,
  onConflict,
  onFailed,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  /** who changed the record since the dialog opened (a stale save); saving again then overwrites */
  const [conflict, setConflict] = useState<string | null>(null);
  const submitting = useFormSubmit(form, fields, onSubmit, {
    handle: (error) => {
      if (!(onConflict && error instanceof ApiCallError && error.code === 'CONFLICT')) return false;
      setConflict(errorText(error));
      onConflict();
      return true;
    },
    onFailed,
  });

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={cancelText ?? t('common.cancel')}
      okButtonProps={danger ? { danger: true } : undefined}
      confirmLoading={busy || submitting.busy}
      onOk={() => void submitting.submit()}
      onCancel={onCancel}
      afterClose={() => setConflict(null)}
      width={width}
      destroyOnHidden
    >
      <ConfigProvider getPopupContainer={popupInDialog}>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={conflict}
            description={t('errors.saveAgainToOverwrite')}
            style={{ marginBottom: 16 }}
          />
        )}
        {intro}
        <Form<V>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          onFinish={submitOnEnter ? () => void submitting.submit() : undefined}
        >
          {children}
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
