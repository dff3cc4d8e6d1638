import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerFieldsSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { LookupSelect } from '../shared/LookupSelect';
import { useUserOptionItems } from '../shared/useUserOptions';
import { creditLimitRule, fieldRule } from './formRules';
import { Section } from './Section';

const shape = customerFieldsSchema.shape;

/** 50000 → 50,000.00 in the amount box (while typing, the text stays as typed). */
function formatYuanInput(value: number | string | undefined): string {
  const n = Number(value);
  if (value === undefined || value === '' || Number.isNaN(n)) return '';
  return n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 信用与结算: bank, credit limit and days, settlement defaults, salesperson, contract end. */
export function CreditSection() {
  const { t } = useTranslation();
  const userOptions = useUserOptionItems();

  return (
    <Section id="section-credit" title={t('customers.sections.credit')}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="bankName" label={t('customers.fields.bankName')} rules={[fieldRule(shape.bankName)]}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="bankAccount"
            label={t('customers.fields.bankAccount')}
            rules={[fieldRule(shape.bankAccount)]}
          >
            <Input autoComplete="off" maxLength={40} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="settlementMethodId" label={t('customers.fields.settlementMethod')}>
            <LookupSelect kind="settlementMethod" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="creditLimit" label={t('customers.fields.creditLimit')} rules={[creditLimitRule]}>
            <InputNumber<number>
              style={{ width: '100%' }}
              min={0}
              precision={2}
              step={1000}
              suffix={t('customers.form.yuan')}
              formatter={(v, info) => (info.userTyping ? info.input : formatYuanInput(v))}
              parser={(v) => (v ?? '').replace(/[,\s\u00a5\uffe5]/g, '') as unknown as number}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="creditDays" label={t('customers.fields.creditDays')} rules={[fieldRule(shape.creditDays)]}>
            <InputNumber<number>
              style={{ width: '100%' }}
              min={0}
              max={3650}
              precision={0}
              suffix={t('customers.form.days')}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="paymentTerms"
            label={t('customers.fields.paymentTerms')}
            rules={[fieldRule(shape.paymentTerms)]}
          >
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="salespersonId" label={t('customers.fields.salesperson')}>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={userOptions}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractEndDate" label={t('customers.fields.contractEndDate')}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
