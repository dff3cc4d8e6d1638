import { Form, type FormRule, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { contactSchema } from '../../../../../electron/core/customers/shared/customers.contract';
import { checkField, fieldRule } from './formRules';
import { type ContactValues, type CustomerFormValues, EMPTY_CONTACT, isBlankContact } from './formValues';
import { onlyOne } from '../../../shared/onlyOne';
import { inputColumn, RowsSection } from './RowsSection';

const shape = contactSchema.shape;
/** A contact's name is required once anything is typed in its row (an empty row is not saved). */
function contactNameRule(index: number): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value) => {
      if (!isBlankContact(getFieldValue(['contacts', index]))) checkField(shape.name, value, { required: true });
    },
  });
}

const SPANS = { name: 4, title: 3, mobile: 4, phone: 4, email: 5, primary: 2, remove: 2 } as const;

/** 联系人: one row per contact; exactly one may be the primary. */
export function ContactsSection({ onCheckDuplicates }: { onCheckDuplicates: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CustomerFormValues>();
  const label = (key: string) => t(`customers.fields.contact.${key}`);

  /** Turning one contact primary turns the others off. */
  const makePrimary = (index: number, on: boolean) => {
    const contacts: ContactValues[] = form.getFieldValue('contacts') ?? [];
    if (on) form.setFieldValue('contacts', onlyOne(contacts, index, 'isPrimary'));
  };

  return (
    <RowsSection
      name="contacts"
      id="section-contacts"
      title={t('customers.sections.contacts')}
      texts={{
        add: t('customers.form.addContact'),
        remove: t('customers.form.removeContact'),
        empty: t('customers.form.noContacts'),
      }}
      newRow={(count) => ({ ...EMPTY_CONTACT, isPrimary: count === 0 })}
      removeSpan={SPANS.remove}
      columns={[
        {
          key: 'name',
          span: SPANS.name,
          label: label('name'),
          required: true,
          cell: (name) => (
            <Form.Item
              name={[name, 'name']}
              dependencies={[
                ['contacts', name, 'mobile'],
                ['contacts', name, 'phone'],
                ['contacts', name, 'email'],
              ]}
              rules={[contactNameRule(name)]}
            >
              <Input aria-label={label('name')} autoComplete="off" maxLength={50} />
            </Form.Item>
          ),
        },
        inputColumn('title', SPANS.title, label('title'), { rule: fieldRule(shape.title), maxLength: 50 }),
        inputColumn('mobile', SPANS.mobile, label('mobile'), {
          rule: fieldRule(shape.mobile),
          maxLength: 20,
          onBlur: onCheckDuplicates,
        }),
        inputColumn('phone', SPANS.phone, label('phone'), {
          rule: fieldRule(shape.phone),
          maxLength: 30,
          onBlur: onCheckDuplicates,
        }),
        inputColumn('email', SPANS.email, label('email'), { rule: fieldRule(shape.email), maxLength: 100 }),
        {
          key: 'isPrimary',
          span: SPANS.primary,
          label: label('isPrimary'),
          cell: (name) => (
            <Form.Item name={[name, 'isPrimary']} valuePropName="checked">
              <Switch aria-label={label('isPrimary')} onChange={(on) => makePrimary(name, on)} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
