import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Anchor, App, Button, Card, Flex, Form, Result, Skeleton, Space, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { normalizeCustomerName, phoneDigits } from '../../../../../electron/core/customers/shared/customer.rules';
import {
  type CustomerDetail,
  customerCreateSchema,
  customerUpdateSchema,
  type DuplicateMatch,
} from '../../../../../electron/core/customers/shared/customers.contract';
import { ApiCallError, call } from '../../../api';
import { useReportError } from '../../../shared/apiErrors';
import { changedByText } from '../../../shared/conflictText';
import { useCall } from '../../../shared/useCall';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import { customerPaths } from '../../../shared/customerPaths';
import { statusText } from '../../status/StatusTag';
import { AddressesSection } from './AddressesSection';
import { BasicSection } from './BasicSection';
import { ContactsSection } from './ContactsSection';
import { CreditSection } from './CreditSection';
import { DuplicateDialog } from './DuplicateDialog';
import { ExtraSection } from './ExtraSection';
import { applyFieldErrors, scrollToFirstError } from './fieldErrors';
import { issueText } from './formRules';
import {
  type CustomerFieldsInput,
  type CustomerFormValues,
  fromDetail,
  newCustomerValues,
  phonesOf,
  toFields,
} from './formValues';
import { taxIdConfirmation } from './taxIdConfirmation';
import { taxIdTakenText, useDuplicates } from './useDuplicates';
import { useMnemonic } from './useMnemonic';
import { useTaxIdChecksum } from './useTaxIdChecksum';
import { validateForm } from '../../../shared/validateForm';

const SECTIONS = ['basic', 'contacts', 'addresses', 'credit', 'extra'] as const;

/** 新增客户 (`/customers/new`) and 编辑客户 (`/customers/:id/edit`). */
export function CustomerFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const params = useParams();
  const reportError = useReportError();
  const id = Number(params.id);
  const [missing, setMissing] = useState(false);
  const { data, reload: load } = useCall('customer.get', mode === 'edit' ? { id } : null, {
    onError: (error) => {
      if (error instanceof ApiCallError && error.code === 'NOT_FOUND') setMissing(true);
      else reportError(error);
    },
  });
  const detail: CustomerDetail | null = data ?? null;

  if (mode === 'create') return <CustomerForm detail={null} onReload={load} />;
  if (missing) return <Result status="404" title={t('errors.notFound')} />;
  if (!detail)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  return <CustomerForm key={`${detail.id}-${detail.version}`} detail={detail} onReload={load} />;
}

interface PendingDuplicate {
  matches: DuplicateMatch[];
  fields: CustomerFieldsInput;
}

function CustomerForm({ detail, onReload }: { detail: CustomerDetail | null; onReload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [form] = Form.useForm<CustomerFormValues>();
  // leaving with typed input asks first, whichever way (取消, back, sidebar, browser back). Input
  // means the user's own edits (onValuesChange): isFieldsTouched also counted the proposed code.
  const edited = useRef(false);
  const guard = useUnsavedGuard(() => edited.current);
  const editing = detail !== null;
  // `?code=` fills the code in (a stocktake's unknown code); the suggestion then leaves it alone
  const [params] = useSearchParams();
  const givenCode = editing ? '' : (params.get('code') ?? '').trim();
  const [suggestedCode, setSuggestedCode] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PendingDuplicate | null>(null);
  /** a stale save: who changed the customer meanwhile, when and what (empty when the core did not say) */
  const [conflict, setConflict] = useState<string | null>(null);
  const duplicates = useDuplicates(form, detail?.id);
  const mnemonic = useMnemonic(form, editing);
  const taxIdChecksum = useTaxIdChecksum(detail);
  /** the user chose "校验位不符，仍然保存" for the tax ID then in the form (forgotten when it changes) */
  const checksumConfirmation = useRef(taxIdConfirmation()).current;

  useEffect(() => {
    if (editing) return;
    call('customer.nextCode', {})
      .then(({ code }) => {
        setSuggestedCode(code);
        if (!form.getFieldValue('code')) form.setFieldValue('code', code);
      })
      .catch(() => undefined);
  }, [editing, form]);

  /** On edit, only a changed name or phone warrants the possible-duplicate question again. */
  const identityChanged = (values: CustomerFormValues): boolean => {
    if (!detail) return true;
    if (normalizeCustomerName(values.name ?? '') !== normalizeCustomerName(detail.name)) return true;
    const before = new Set(
      detail.contacts
        .flatMap((c) => [c.mobile, c.phone])
        .filter(Boolean)
        .map((p) => phoneDigits(p ?? '')),
    );
    return phonesOf(values).some((p) => !before.has(phoneDigits(p)));
  };

  const send = async (fields: CustomerFieldsInput, duplicateReason?: string) => {
    setSaving(true);
    const confirmTaxIdChecksum = checksumConfirmation.flagFor(fields.taxId);
    try {
      const saved = detail
        ? await call('customer.update', {
            ...fields,
            id: detail.id,
            version: detail.version,
            duplicateReason,
            confirmTaxIdChecksum,
          })
        : await call('customer.create', { ...fields, code: codeToSend(), duplicateReason, confirmTaxIdChecksum });
      setPending(null);
      void message.success(t('common.saved'));
      guard.allowLeave();
      navigate(customerPaths.detail(saved.id), { replace: true });
    } catch (error) {
      await onRefused(error, fields, duplicateReason);
    } finally {
      setSaving(false);
    }
  };

  /** The code typed; left out when it is the suggestion, so the core gives the next free one. */
  const codeToSend = (): string | undefined => {
    const code = ((form.getFieldValue('code') as string | undefined) ?? '').trim();
    return code && code !== suggestedCode ? code : undefined;
  };

  const onRefused = async (error: unknown, fields: CustomerFieldsInput, duplicateReason?: string) => {
    if (!(error instanceof ApiCallError)) return reportError(error);
    setPending(null);
    if (error.code === 'TAX_ID_CHECKSUM') {
      // the question names the tax ID this save sends (the field may have changed meanwhile)
      if (await taxIdChecksum.confirm(fields.taxId ?? '')) {
        checksumConfirmation.confirm(fields.taxId);
        return send(fields, duplicateReason);
      }
      form.scrollToField('taxId', { block: 'center' });
      return;
    }
    if (error.code === 'CONFLICT') {
      setConflict(error.params ? changedByText(error.params) : '');
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    if (error.code === 'POSSIBLE_DUPLICATE') {
      const found = await duplicates.check().catch(() => []);
      const warn = found.filter((m) => m.reason !== 'taxId');
      if (warn.length) return setPending({ matches: warn, fields });
    }
    if (error.code === 'DUPLICATE' && error.fields?.taxId && error.params) {
      const p = error.params;
      form.setFields([
        {
          name: 'taxId',
          errors: [taxIdTakenText({ code: String(p.code), name: String(p.name), status: String(p.status) })],
        },
      ]);
      form.scrollToField('taxId', { block: 'center' });
      return;
    }
    if (error.fields) {
      const { shown, leftover } = applyFieldErrors(form, error.fields);
      if (shown) scrollToFirstError(form);
      if (leftover.length) void message.error(leftover.join(t('common.listSeparator')));
      if (shown || leftover.length) return;
    }
    reportError(error);
  };

  const submit = async () => {
    if (saving) return;
    const ok = (await validateForm(form)) !== null;
    if (!ok) return scrollToFirstError(form);
    const values = form.getFieldsValue(true) as CustomerFormValues;
    const fields = toFields(values);
    // the same schema the core checks (cross-field rules included)
    const parsed = detail
      ? customerUpdateSchema.safeParse({ ...fields, id: detail.id, version: detail.version })
      : customerCreateSchema.safeParse({ ...fields, code: codeToSend() });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
      const { shown, leftover } = applyFieldErrors(form, errors);
      if (shown) scrollToFirstError(form);
      if (leftover.length) void message.error(parsed.error.issues.map(issueText).join(t('common.listSeparator')));
      return;
    }
    const checksum = await taxIdChecksum.ask(parsed.data);
    if (checksum === false) {
      form.scrollToField('taxId', { block: 'center' });
      return;
    }
    if (checksum === true) checksumConfirmation.confirm(fields.taxId);
    else checksumConfirmation.forget();
    setSaving(true);
    try {
      const found = await duplicates.check();
      const taken = found.find((m) => m.reason === 'taxId');
      if (taken) {
        form.scrollToField('taxId', { block: 'center' });
        return;
      }
      const warn = found.filter((m) => m.reason !== 'taxId');
      if (warn.length && identityChanged(values)) {
        setPending({ matches: warn, fields });
        return;
      }
    } catch (error) {
      reportError(error);
      return;
    } finally {
      setSaving(false);
    }
    await send(fields);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void submit();
    }
  };

  /** 取消 / back: straight away when nothing was typed, otherwise after the user agrees to discard it */
  const leave = () => guard.leave(() => navigate(detail ? customerPaths.detail(detail.id) : customerPaths.list));

  const warnings = duplicates.matches.filter((m) => m.reason !== 'taxId');
  const title = detail ? t('customers.form.editTitle', { name: detail.name }) : t('customers.form.createTitle');

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+S saves from anywhere in the form
    <div onKeyDown={onKeyDown}>
      <Card size="small" className="kh-sticky-bar" styles={{ body: { padding: '10px 16px 0' } }}>
        <Flex justify="space-between" align="center" gap={16}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined aria-hidden />}
              aria-label={t('customers.form.back')}
              onClick={leave}
            />
            <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
              {title}
            </Typography.Title>
          </Flex>
          <Space>
            <Button onClick={leave}>{t('common.cancel')}</Button>
            <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} onClick={() => void submit()}>
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
        <Anchor
          direction="horizontal"
          targetOffset={120}
          items={SECTIONS.map((s) => ({ key: s, href: `#section-${s}`, title: t(`customers.sections.${s}`) }))}
          onClick={(event, link) => {
            // hash routing: scroll to the section instead of changing the route
            event.preventDefault();
            document.querySelector(link.href)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        />
      </Card>

      {detail && detail.status !== 'active' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`customers.form.editingStatus.${detail.status}`)}
        />
      )}
      {conflict !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('customers.form.conflictTitle')}
          description={
            <>
              {conflict && <div>{conflict}</div>}
              <div>{t('customers.form.conflictText')}</div>
            </>
          }
          action={
            <Button size="small" onClick={() => void onReload()}>
              {t('customers.form.reload')}
            </Button>
          }
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('customers.duplicates.inlineTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {warnings.map((m) => (
                <li key={`${m.id}-${m.reason}`}>
                  {t('customers.duplicates.line', {
                    code: m.code,
                    name: m.name,
                    status: statusText(m.status),
                    why: t(`customers.duplicates.reason.${m.reason}`),
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={
          detail ? fromDetail(detail) : { ...newCustomerValues(), ...(givenCode ? { code: givenCode } : {}) }
        }
        scrollToFirstError={false}
        className="kh-customer-form"
        onValuesChange={(changed: Partial<CustomerFormValues>) => {
          edited.current = true;
          if ('taxId' in changed) checksumConfirmation.forget();
        }}
      >
        <BasicSection
          editing={editing}
          readings={mnemonic.readings}
          onPickMnemonic={mnemonic.onPick}
          onMnemonicTyped={mnemonic.onTyped}
          onCheckDuplicates={duplicates.schedule}
        />
        <ContactsSection onCheckDuplicates={duplicates.schedule} />
        <AddressesSection />
        <CreditSection />
        <ExtraSection />
      </Form>

      <DuplicateDialog
        matches={pending?.matches ?? null}
        busy={saving}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => pending && void send(pending.fields, reason)}
      />
    </div>
  );
}
