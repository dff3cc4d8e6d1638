import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EVIDENCE_TYPES, type VoucherDetail } from '../../../../../electron/core/settlement/shared/settlement.contract';
import { call } from '../../../api';
import { errorText, showFieldErrors } from '../../../shared/apiErrors';
import { useCall } from '../../../shared/useCall';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import { AttachmentList } from '../attachments/AttachmentList';
import { AttachmentUpload } from '../attachments/AttachmentUpload';
import type { SentFile } from '../attachments/attachmentTransfer';
import { type CustomerCredit, CustomerPick } from '../customer/CustomerPick';
import { LinesEditor } from '../lines/LinesEditor';
import type { LineDraft } from '../lines/lineMath';
import { settlementPaths } from '../settlementPaths';
import { draftLines, linesInput, newClientId } from './voucherDraft';
import { validateForm } from '../../../shared/validateForm';

interface Fields {
  date: Dayjs;
  dueDate: Dayjs | null;
  evidenceType: (typeof EVIDENCE_TYPES)[number];
  evidenceRef?: string;
  memo?: string;
}
const FIELD_NAMES = ['date', 'dueDate', 'evidenceType', 'evidenceRef', 'memo'] as const;

/** 新建凭证 / 修改凭证 (a draft or a rejected voucher): customer, dates, evidence, lines, files, memo. */
export function VoucherFormPage() {
  const navigate = useNavigate();
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : null;
  const existing = useCall('settlement.voucher', id ? { id } : null);
  if (id && !existing.data) {
    return (
      <Card>
        <Spin />
      </Card>
    );
  }
  return (
    <VoucherForm
      key={existing.data?.version ?? 'new'}
      voucher={existing.data}
      onDone={(vid) => navigate(settlementPaths.voucher(vid))}
    />
  );
}

function VoucherForm({ voucher, onDone }: { voucher?: VoucherDetail; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const [customer, setCustomer] = useState<CustomerCredit | null>(null);
  const [lines, setLinesState] = useState<LineDraft[]>(() => draftLines(voucher));
  const [files, setFilesState] = useState<SentFile[]>([]);
  const [hidden, setHidden] = useState<number[]>([]);
  const [clientId] = useState(newClientId);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [customerMissing, setCustomerMissing] = useState(false);
  const date = Form.useWatch('date', form);
  // anything typed, picked or uploaded: leaving asks first (saving does not)
  const edited = useRef(false);
  const guard = useUnsavedGuard(() => edited.current);
  const touch = () => {
    edited.current = true;
  };

  // an edited voucher's customer, confirmed again (its state and credit now)
  useEffect(() => {
    if (!voucher) return;
    call('settlement.customer', { customerId: voucher.customer.id })
      .then(setCustomer)
      .catch((e: unknown) => setRefusal(errorText(e)));
  }, [voucher]);

  const setLines = (next: LineDraft[]) => {
    touch();
    setLinesState(next);
  };
  const setFiles = (next: SentFile[]) => {
    touch();
    setFilesState(next);
  };
  const dueDefault = date && customer ? date.add(customer.creditDays ?? 0, 'day').format('YYYY-MM-DD') : null;

  const save = async (submit: boolean) => {
    setRefusal(null);
    if (!customer) {
      setCustomerMissing(true);
      return;
    }
    const values = await validateForm(form);
    if (!values) return;
    const fields = {
      customerId: customer.customer.id,
      date: values.date.format('YYYY-MM-DD'),
      dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
      evidenceType: values.evidenceType,
      evidenceRef: values.evidenceRef,
      memo: values.memo,
      lines: linesInput(lines),
    };
    const attachments = files.map((f) => ({ partsId: f.partsId, fileName: f.fileName }));
    setSaving(submit ? 'submit' : 'draft');
    try {
      let saved = voucher
        ? await call('settlement.voucherUpdate', {
            id: voucher.id,
            version: voucher.version,
            ...fields,
            addAttachments: attachments,
            hideAttachmentIds: hidden,
          })
        : await call('settlement.voucherCreate', { ...fields, clientId, attachments, submit });
      if (voucher && submit) saved = await call('settlement.voucherSubmit', { id: saved.id, version: saved.version });
      guard.allowLeave();
      onDone(saved.id);
    } catch (error) {
      if (!showFieldErrors(form, error, FIELD_NAMES)) setRefusal(errorText(error));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card styles={{ body: { padding: '16px 20px' } }}>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Button
          icon={<ArrowLeftOutlined aria-hidden />}
          aria-label={t('settlement.voucher.back')}
          onClick={() =>
            guard.leave(() => navigate(voucher ? settlementPaths.voucher(voucher.id) : settlementPaths.vouchers))
          }
        />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {voucher ? t('settlement.voucher.editTitle', { no: voucher.no }) : t('settlement.voucher.newTitle')}
        </Typography.Title>
      </Flex>
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="voucher-refusal" />
      )}
      <Form<Fields>
        form={form}
        layout="vertical"
        onValuesChange={touch}
        initialValues={{
          date: voucher ? dayjs(voucher.date) : dayjs(),
          dueDate: voucher ? dayjs(voucher.dueDate) : null,
          evidenceType: voucher?.evidenceType ?? 'contract',
          evidenceRef: voucher?.evidenceRef ?? undefined,
          memo: voucher?.memo ?? undefined,
        }}
      >
        <Form.Item
          label={t('settlement.voucher.customer')}
          required
          validateStatus={customerMissing ? 'error' : undefined}
          help={customerMissing ? t('settlement.voucher.customerMissing') : undefined}
        >
          <CustomerPick
            value={customer}
            disabled={!!voucher}
            onChange={(c) => {
              setCustomer(c);
              touch();
              setCustomerMissing(false);
              setRefusal(null);
            }}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="date"
            label={t('settlement.voucher.date')}
            rules={[{ required: true, message: t('settlement.voucher.dateMissing') }]}
          >
            <DatePicker allowClear={false} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t('settlement.voucher.dueDate')}
            extra={dueDefault ? t('settlement.voucher.dueDefault', { date: dueDefault }) : undefined}
          >
            <DatePicker style={{ width: 160 }} placeholder={dueDefault ?? t('settlement.voucher.duePlaceholder')} />
          </Form.Item>
          <Form.Item name="evidenceType" label={t('settlement.voucher.evidenceType')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={EVIDENCE_TYPES.map((e) => ({ value: e, label: t(`settlement.evidence.${e}`) }))}
            />
          </Form.Item>
          <Form.Item name="evidenceRef" label={t('settlement.voucher.evidenceRef')}>
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('settlement.voucher.lines')} required>
          <LinesEditor value={lines} onChange={setLines} />
        </Form.Item>
        <Form.Item label={t('settlement.voucher.attachments')}>
          <Flex vertical gap={8}>
            {voucher && voucher.attachments.length > 0 && (
              <AttachmentList
                items={voucher.attachments.filter((a) => !hidden.includes(a.id))}
                onHide={(aid) => {
                  touch();
                  setHidden([...hidden, aid]);
                }}
              />
            )}
            {hidden.length > 0 && (
              <Typography.Text type="secondary">
                {t('settlement.attachments.hiddenCount', { count: hidden.length })}
              </Typography.Text>
            )}
            <AttachmentUpload value={files} onChange={setFiles} />
          </Flex>
        </Form.Item>
        <Form.Item name="memo" label={t('settlement.voucher.memo')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button
            onClick={() =>
              guard.leave(() => navigate(voucher ? settlementPaths.voucher(voucher.id) : settlementPaths.vouchers))
            }
          >
            {t('common.cancel')}
          </Button>
          <Button loading={saving === 'draft'} disabled={saving !== null} onClick={() => void save(false)}>
            {t('settlement.voucher.saveDraft')}
          </Button>
          <Button
            type="primary"
            loading={saving === 'submit'}
            disabled={saving !== null}
            onClick={() => void save(true)}
          >
            {t('settlement.voucher.saveSubmit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
