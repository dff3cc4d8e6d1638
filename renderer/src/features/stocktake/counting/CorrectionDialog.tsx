import { Cascader, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS } from '../../../../../electron/core/customers/shared/customers.contract';
import { call } from '../../../api';
import { FormModal } from '../../../shared/FormModal';
import { CHINA, chinaDivisionOptions, countryOptions } from '../../customers/shared/geo';
import { type CorrectionValues, proposalOf } from './correctionValues';

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
 * 提出更正: new values for a counted customer's contact (name, mobile, phone) or one address, with
 * a note; decided at reconciliation by someone who may edit customers.
 */
export function CorrectionDialog({ stocktakeId, target, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const divisions = useMemo(() => chinaDivisionOptions(), []);
  const country = Form.useWatch('country', form) ?? CHINA;
  const f = (k: string) => t(`customers.fields.contact.${k}`);
  const a = (k: string) => t(`customers.fields.address.${k}`);
  return (
    <FormModal<CorrectionValues>
      open={!!target}
      form={form}
      width={640}
      title={target ? t('stocktake.counting.correction.title', { code: target.code, name: target.name }) : ''}
      okText={t('stocktake.counting.correction.submit')}
      fields={['contact', 'address', 'note']}
      initialValues={{ addressKind: 'registered', country: CHINA }}
      onCancel={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await call('stocktake.proposeCorrection', { stocktakeId, lineId: target.lineId, proposal: proposalOf(v) });
        onSaved();
      }}
      intro={
        <Typography.Paragraph type="secondary">{t('stocktake.counting.correction.hint')}</Typography.Paragraph>
      }
    >
      <Typography.Text strong>{t('stocktake.counting.correction.contact')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={8}>
          <Form.Item name="contactName" label={f('name')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="mobile" label={f('mobile')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={f('phone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('stocktake.counting.correction.address')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={8}>
          <Form.Item name="addressKind" label={a('kind')}>
            <Select options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="country" label={a('country')}>
            <Select
              options={countries}
              showSearch={{ optionFilterProp: ['label', 'value'] }}
              popupMatchSelectWidth={240}
              onChange={() => form.setFieldValue('division', [])}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="postcode" label={a('postcode')}>
            <Input maxLength={12} />
          </Form.Item>
        </Col>
        {country === CHINA && (
          <Col span={24}>
            <Form.Item name="division" label={a('division')}>
              <Cascader options={divisions} changeOnSelect showSearch={{ limit: 30 }} placeholder={t('customers.form.divisionPlaceholder')} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="street" label={a('street')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('stocktake.counting.correction.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
