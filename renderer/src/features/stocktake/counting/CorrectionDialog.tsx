import { Cascader, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS } from '../../../../../electron/core/customers/shared/customers.contract';
import { ApiCallError, call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { CHINA, chinaDivisionOptions, countryOptions } from '../../customers/shared/geo';
import { CORRECTION_FIELDS, type CorrectionValues, dialogFieldErrors, proposalOf } from './correctionValues';

export interface CorrectionTarget {
  lineId: number;
  code: string;
  name: string;
}

interface Props {
  stocktakeId: number;
  target: CorrectionTarget | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A rule that always passes: a field with a rule is validated again when it changes, which takes
 * away the core's refusal shown beside it (antd leaves errors set by setFields on rule-less fields).
 */
const TEXT_RULES = [{ type: 'string' as const }];
const LIST_RULES = [{ type: 'array' as const }];

/** The core names a refused value by its place in the proposal: shown beside the dialog's field instead. */
function atDialogFields(error: unknown): unknown {
  if (!(error instanceof ApiCallError) || !error.fields) return error;
  const { code, messageKey, params } = error;
  return new ApiCallError({ code, messageKey, params, fields: dialogFieldErrors(error.fields) });
}

/**
 * 提出更正: new values for a counted customer's contact (name, mobile, phone) or one address, with
 * a note; decided at reconciliation by someone who may edit customers. A blank field is
 * "unchanged"; 清空 beside the mobile or phone, 删除主联系人 and 删除该类地址 propose emptying.
 */
export function CorrectionDialog({ stocktakeId, target, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const divisions = useMemo(() => chinaDivisionOptions(), []);
  const country = Form.useWatch('country', form) ?? CHINA;
  const removeContact = !!Form.useWatch('removeContact', form);
  const clearMobile = !!Form.useWatch('clearMobile', form);
  const clearPhone = !!Form.useWatch('clearPhone', form);
  const removeAddress = !!Form.useWatch('removeAddress', form);
  const f = (k: string) => t(`customers.fields.contact.${k}`);
  const a = (k: string) => t(`customers.fields.address.${k}`);
  /** a part's title, and the box that removes it (主联系人, 地址) */
  const sectionHead = (title: 'contact' | 'address', remove: 'removeContact' | 'removeAddress') => (
    <Flex justify="space-between" align="center">
      <Typography.Text strong>{t(`stocktake.counting.correction.${title}`)}</Typography.Text>
      <Form.Item name={remove} valuePropName="checked" noStyle>
        <Checkbox>{t(`stocktake.counting.correction.${remove}`)}</Checkbox>
      </Form.Item>
    </Flex>
  );
  /** 手机 or 电话: the value, and 清空 under it (ticking it empties and locks the field) */
  const clearable = (value: 'mobile' | 'phone', clear: 'clearMobile' | 'clearPhone', cleared: boolean, maxLength: number) => (
    <Form.Item label={f(value)} htmlFor={`correction-${value}`}>
      <Flex vertical gap={4}>
        <Form.Item name={value} noStyle rules={TEXT_RULES}>
          <Input id={`correction-${value}`} maxLength={maxLength} inputMode="tel" disabled={removeContact || cleared} />
        </Form.Item>
        <Form.Item name={clear} valuePropName="checked" noStyle>
          <Checkbox disabled={removeContact} onChange={(e) => e.target.checked && form.setFieldValue(value, undefined)}>
            {t('stocktake.counting.correction.clear')}
          </Checkbox>
        </Form.Item>
      </Flex>
    </Form.Item>
  );
  return (
    <FormModal<CorrectionValues>
      open={!!target}
      form={form}
      width={640}
      title={target ? t('stocktake.counting.correction.title', { code: target.code, name: target.name }) : ''}
      okText={t('stocktake.counting.correction.submit')}
      fields={CORRECTION_FIELDS}
      initialValues={{ addressKind: 'registered', country: CHINA }}
      onCancel={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await call('stocktake.proposeCorrection', { stocktakeId, lineId: target.lineId, proposal: proposalOf(v) }).catch(
          (error: unknown) => {
            throw atDialogFields(error);
          },
        );
        onSaved();
      }}
      intro={
        <Typography.Paragraph type="secondary">{t('stocktake.counting.correction.hint')}</Typography.Paragraph>
      }
    >
      {sectionHead('contact', 'removeContact')}
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={8}>
          <Form.Item name="contactName" label={f('name')} rules={TEXT_RULES}>
            <Input maxLength={50} disabled={removeContact} />
          </Form.Item>
        </Col>
        <Col span={8}>{clearable('mobile', 'clearMobile', clearMobile, 20)}</Col>
        <Col span={8}>{clearable('phone', 'clearPhone', clearPhone, 30)}</Col>
      </Row>
      {sectionHead('address', 'removeAddress')}
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={8}>
          <Form.Item name="addressKind" label={a('kind')}>
            <Select options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="country" label={a('country')}>
            <Select
              disabled={removeAddress}
              options={countries}
              showSearch={{ optionFilterProp: ['label', 'value'] }}
              popupMatchSelectWidth={240}
              onChange={() => form.setFieldValue('division', [])}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="postcode" label={a('postcode')} rules={TEXT_RULES}>
            <Input maxLength={12} disabled={removeAddress} />
          </Form.Item>
        </Col>
        {country === CHINA && (
          <Col span={24}>
            <Form.Item name="division" label={a('division')} rules={LIST_RULES}>
              <Cascader disabled={removeAddress} options={divisions} changeOnSelect showSearch={{ limit: 30 }} placeholder={t('customers.form.divisionPlaceholder')} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="street" label={a('street')} rules={TEXT_RULES}>
            <Input maxLength={200} disabled={removeAddress} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('stocktake.counting.correction.note')} rules={TEXT_RULES}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
