import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Cascader, Col, Form, Input, Row, Select, Switch, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, addressSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { CHINA, chinaDivisionOptions, countryOptions } from '../shared/geo';
import { fieldRule } from './formRules';
import { type AddressValues, type CustomerFormValues, emptyAddress } from './formValues';
import { Section } from './Section';

const shape = addressSchema.shape;
const SPANS = { kind: 3, country: 4, division: 6, street: 6, postcode: 2, isDefault: 2, remove: 1 } as const;

/** 地址: registered / delivery / billing addresses; China gets a province → city → district cascade. */
export function AddressesSection() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<CustomerFormValues>();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const divisions = useMemo(() => chinaDivisionOptions(), []);
  const label = (key: string) => t(`customers.fields.address.${key}`);

  /** One default address per kind: turning one on turns off the others of its kind. */
  const makeDefault = (index: number, on: boolean) => {
    if (!on) return;
    const list: AddressValues[] = form.getFieldValue('addresses') ?? [];
    const kind = list[index]?.kind;
    form.setFieldValue(
      'addresses',
      list.map((a, i) => (i !== index && a.kind === kind ? { ...a, isDefault: false } : a)),
    );
  };

  return (
    <Form.List name="addresses">
      {(fields, { add, remove }) => (
        <Section
          id="section-addresses"
          title={t('customers.sections.addresses')}
          extra={
            <Button
              size="small"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                const list: AddressValues[] = form.getFieldValue('addresses') ?? [];
                const used = new Set(list.map((a) => a.kind));
                const kind = ADDRESS_KINDS.find((k) => !used.has(k)) ?? 'delivery';
                add({ ...emptyAddress(kind), isDefault: !used.has(kind) });
              }}
            >
              {t('customers.form.addAddress')}
            </Button>
          }
        >
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('customers.form.noAddresses')}</Typography.Paragraph>
          ) : (
            <Row gutter={8} className="kh-grid-head" aria-hidden>
              <Col span={SPANS.kind}>
                <span className="kh-required">{label('kind')}</span>
              </Col>
              <Col span={SPANS.country}>
                <span className="kh-required">{label('country')}</span>
              </Col>
              <Col span={SPANS.division}>{label('division')}</Col>
              <Col span={SPANS.street}>{label('street')}</Col>
              <Col span={SPANS.postcode}>{label('postcode')}</Col>
              <Col span={SPANS.isDefault}>{label('isDefault')}</Col>
            </Row>
          )}
          {fields.map(({ key, name }) => (
            <Row gutter={8} key={key} align="top">
              <Col span={SPANS.kind}>
                <Form.Item name={[name, 'kind']} rules={[fieldRule(shape.kind, { required: true })]}>
                  <Select
                    aria-label={label('kind')}
                    options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={SPANS.country}>
                <Form.Item name={[name, 'country']} rules={[fieldRule(shape.country, { required: true })]}>
                  <Select
                    aria-label={label('country')}
                    options={countries}
                    showSearch={{ optionFilterProp: ['label', 'value'] }}
                    popupMatchSelectWidth={240}
                    onChange={() => form.setFieldValue(['addresses', name, 'division'], [])}
                  />
                </Form.Item>
              </Col>
              <Col span={SPANS.division}>
                <Form.Item noStyle dependencies={[['addresses', name, 'country']]}>
                  {({ getFieldValue }) =>
                    (getFieldValue(['addresses', name, 'country']) ?? CHINA) === CHINA ? (
                      <Form.Item name={[name, 'division']}>
                        <Cascader
                          aria-label={label('division')}
                          options={divisions}
                          changeOnSelect
                          showSearch={{ limit: 30 }}
                          placeholder={t('customers.form.divisionPlaceholder')}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item>
                        <Input
                          disabled
                          placeholder={t('customers.form.divisionForeign')}
                          aria-label={label('division')}
                        />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Col>
              <Col span={SPANS.street}>
                <Form.Item name={[name, 'street']} rules={[fieldRule(shape.street)]}>
                  <Input aria-label={label('street')} autoComplete="off" maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={SPANS.postcode}>
                <Form.Item name={[name, 'postcode']} rules={[fieldRule(shape.postcode)]}>
                  <Input aria-label={label('postcode')} autoComplete="off" maxLength={12} />
                </Form.Item>
              </Col>
              <Col span={SPANS.isDefault}>
                <Form.Item name={[name, 'isDefault']} valuePropName="checked">
                  <Switch aria-label={label('isDefault')} onChange={(on) => makeDefault(name, on)} />
                </Form.Item>
              </Col>
              <Col span={SPANS.remove}>
                <Tooltip title={t('customers.form.removeAddress')}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('customers.form.removeAddress')}
                    onClick={() => remove(name)}
                  />
                </Tooltip>
              </Col>
            </Row>
          ))}
        </Section>
      )}
    </Form.List>
  );
}
