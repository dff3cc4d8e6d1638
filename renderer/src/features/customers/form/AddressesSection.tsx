import { Cascader, Form, Input, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, addressSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { CHINA, chinaDivisionOptions, countryOptions } from '../shared/geo';
import { fieldRule } from './formRules';
import { type AddressValues, type CustomerFormValues, emptyAddress } from './formValues';
import { onlyOne } from '../../../shared/onlyOne';
import { inputColumn, RowsSection } from './RowsSection';

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
    form.setFieldValue('addresses', onlyOne(list, index, 'isDefault', (a, b) => a.kind === b.kind));
  };

  /** A new row takes the first kind not yet given (a delivery address after all three). */
  const newRow = () => {
    const list: AddressValues[] = form.getFieldValue('addresses') ?? [];
    const used = new Set(list.map((a) => a.kind));
    const kind = ADDRESS_KINDS.find((k) => !used.has(k)) ?? 'delivery';
    return { ...emptyAddress(kind), isDefault: !used.has(kind) };
  };

  return (
    <RowsSection
      name="addresses"
      id="section-addresses"
      title={t('customers.sections.addresses')}
      texts={{
        add: t('customers.form.addAddress'),
        remove: t('customers.form.removeAddress'),
        empty: t('customers.form.noAddresses'),
      }}
      newRow={newRow}
      removeSpan={SPANS.remove}
      columns={[
        {
          key: 'kind',
          span: SPANS.kind,
          label: label('kind'),
          required: true,
          cell: (name) => (
            <Form.Item name={[name, 'kind']} rules={[fieldRule(shape.kind, { required: true })]}>
              <Select
                aria-label={label('kind')}
                options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))}
              />
            </Form.Item>
          ),
        },
        {
          key: 'country',
          span: SPANS.country,
          label: label('country'),
          required: true,
          cell: (name) => (
            <Form.Item name={[name, 'country']} rules={[fieldRule(shape.country, { required: true })]}>
              <Select
                aria-label={label('country')}
                options={countries}
                showSearch={{ optionFilterProp: ['label', 'value'] }}
                popupMatchSelectWidth={240}
                onChange={() => form.setFieldValue(['addresses', name, 'division'], [])}
              />
            </Form.Item>
          ),
        },
        {
          key: 'division',
          span: SPANS.division,
          label: label('division'),
          cell: (name) => (
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
                    <Input disabled placeholder={t('customers.form.divisionForeign')} aria-label={label('division')} />
                  </Form.Item>
                )
              }
            </Form.Item>
          ),
        },
        inputColumn('street', SPANS.street, label('street'), { rule: fieldRule(shape.street), maxLength: 200 }),
        inputColumn('postcode', SPANS.postcode, label('postcode'), { rule: fieldRule(shape.postcode), maxLength: 12 }),
        {
          key: 'isDefault',
          span: SPANS.isDefault,
          label: label('isDefault'),
          cell: (name) => (
            <Form.Item name={[name, 'isDefault']} valuePropName="checked">
              <Switch aria-label={label('isDefault')} onChange={(on) => makeDefault(name, on)} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
