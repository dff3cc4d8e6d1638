import { Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_NATURES,
  customerCodeSchema,
  customerFieldsSchema,
} from '../../../../../electron/core/customers/shared/customers.contract';
import { LookupSelect } from '../shared/LookupSelect';
import { fieldRule, taxIdChecksumRule, taxIdRule } from './formRules';
import type { CustomerFormValues } from './formValues';
import { Section } from './Section';

const shape = customerFieldsSchema.shape;

interface Props {
  editing: boolean;
  /** every plausible pinyin reading of the name (polyphones) */
  readings: string[];
  onPickMnemonic: (mnemonic: string) => void;
  onMnemonicTyped: (value: string) => void;
  onCheckDuplicates: () => void;
}

/** 基本信息: identity of the customer. */
export function BasicSection({ editing, readings, onPickMnemonic, onMnemonicTyped, onCheckDuplicates }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CustomerFormValues>();
  const mnemonic = Form.useWatch('mnemonic', form);
  const others = readings.filter((r) => r !== mnemonic);

  return (
    <Section id="section-basic" title={t('customers.sections.basic')}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label={t('customers.fields.code')}
            extra={editing ? t('customers.form.codeFixed') : undefined}
            rules={editing ? [] : [fieldRule(customerCodeSchema)]}
          >
            <Input
              readOnly={editing}
              disabled={editing}
              autoComplete="off"
              maxLength={32}
              placeholder={t('customers.form.codeHint')}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('customers.fields.name')}
            required
            rules={[fieldRule(shape.name, { required: true })]}
          >
            <Input autoComplete="off" maxLength={100} onBlur={onCheckDuplicates} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label={t('customers.fields.shortName')} rules={[fieldRule(shape.shortName)]}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="mnemonic"
            label={t('customers.fields.mnemonic')}
            rules={[fieldRule(shape.mnemonic)]}
            extra={
              others.length > 0 && (
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('customers.form.otherReadings')}
                  </Typography.Text>
                  {others.slice(0, 8).map((r) => (
                    <Tag.CheckableTag key={r} checked={false} onChange={() => onPickMnemonic(r)}>
                      {r}
                    </Tag.CheckableTag>
                  ))}
                </Space>
              )
            }
          >
            <Input
              autoComplete="off"
              maxLength={50}
              placeholder={t('customers.form.mnemonicHint')}
              onChange={(e) => onMnemonicTyped(e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="nature" label={t('customers.fields.nature')} required rules={[fieldRule(shape.nature)]}>
            <Select options={CUSTOMER_NATURES.map((n) => ({ value: n, label: t(`customers.nature.${n}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="categoryId" label={t('customers.fields.category')}>
            <LookupSelect kind="category" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="industryId" label={t('customers.fields.industry')}>
            <LookupSelect kind="industry" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="regionId" label={t('customers.fields.region')}>
            <LookupSelect kind="region" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="creditRatingId" label={t('customers.fields.creditRating')}>
            <LookupSelect kind="creditRating" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="legalRep" label={t('customers.fields.legalRep')} rules={[fieldRule(shape.legalRep)]}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="taxId"
            label={t('customers.fields.taxId')}
            dependencies={['nature', 'addresses']}
            rules={[taxIdRule(form), taxIdChecksumRule(form)]}
          >
            <Input
              autoComplete="off"
              maxLength={30}
              placeholder={t('customers.form.taxIdHint')}
              onBlur={onCheckDuplicates}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="website" label={t('customers.fields.website')} rules={[fieldRule(shape.website)]}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
